package dev.scopekey.demo;

/**
 * The launcher's command line: {@code [--port N] [--host H] [--help]}. A value it cannot use is
 * an {@link IllegalArgumentException} whose message is the one line to show the user.
 */
record LaunchOptions(String host, int port, boolean help) {
    static final String USAGE = "usage: java -jar scopekey-demo.jar [--port 8080] [--host 127.0.0.1] [--help]";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final int MAX_PORT = 65535;

    static LaunchOptions parse(String... args) {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h":
                    return new LaunchOptions(host, port, true);
                case "--port":
                    port = port(value(args, ++i, "--port"));
                    break;
                case "--host":
                    host = value(args, ++i, "--host");
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument; " + USAGE);
            }
        }
        return new LaunchOptions(host, port, false);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args[index];
    }

    private static int port(String text) {
        if (text.matches("[0-9]{1,5}") && Integer.parseInt(text) <= MAX_PORT) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException("--port takes a number from 0 to " + MAX_PORT + " (0 picks a free port)");
    }
}
