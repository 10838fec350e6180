package dev.scopekey.service;

/**
 * The request a decision is made for, as its audit event names it: the client's address and, for
 * HTTP, the method and the path the route rules saw. Any part may be null (an in-process call has
 * neither method nor path). The parts are whatever the client sent; audit sinks escape them.
 *
 * @param clientAddress the caller's address, or null
 * @param method the request method, or null
 * @param path the decoded path within the application, or null
 */
public record ClientRequest(String clientAddress, String method, String path) {
    /** An in-process call: no client address, method or path. */
    public static final ClientRequest NONE = new ClientRequest(null, null, null);

    /**
     * A request known only by its client's address.
     *
     * @param clientAddress the caller's address, or null
     * @return the request, without method and path
     */
    public static ClientRequest from(String clientAddress) {
        return new ClientRequest(clientAddress, null, null);
    }
}
