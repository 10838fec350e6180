package dev.scopekey.testkit;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Takes out of a web.xml the init-params the scopekey filter cannot honour beside a
 * {@code TokenService} the application supplies ({@code store} and {@code admin-token-env} of
 * {@code ScopeKeyFilter}, {@code mint-rate} of {@code TokenAdminServlet}), so an application's
 * own web.xml runs on a test's service. Everything else is left as written. Stateless.
 */
final class WebXmlRewriter {
    /** Init-params to drop, by the class declaring them. */
    static final Map<String, Set<String>> SERVICE_PARAMS = Map.of(
            "dev.scopekey.servlet.ScopeKeyFilter", Set.of("store", "admin-token-env"),
            "dev.scopekey.servlet.TokenAdminServlet", Set.of("mint-rate"));

    private WebXmlRewriter() {
    }

    /**
     * The web.xml without those init-params.
     *
     * @throws IllegalArgumentException if the text is not well-formed XML
     */
    static String withoutServiceParams(String webXml) {
        Document document = parse(webXml);
        removeParams(document, "filter", "filter-class");
        removeParams(document, "servlet", "servlet-class");
        return write(document);
    }

    private static void removeParams(Document document, String declaration, String classElement) {
        NodeList declarations = document.getElementsByTagNameNS("*", declaration);
        for (int i = 0; i < declarations.getLength(); i++) {
            Element declared = (Element) declarations.item(i);
            Set<String> dropped = SERVICE_PARAMS.getOrDefault(childText(declared, classElement), Set.of());
            for (Element param : children(declared, "init-param")) {
                if (dropped.contains(childText(param, "param-name"))) {
                    declared.removeChild(param);
                }
            }
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && localName.equals(child.getLocalName())) {
                found.add((Element) child);
            }
        }
        return found;
    }

    private static String childText(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("the web.xml is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String write(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            if (document.getDoctype() != null) {
                if (document.getDoctype().getPublicId() != null) {
                    transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, document.getDoctype().getPublicId());
                }
                if (document.getDoctype().getSystemId() != null) {
                    transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, document.getDoctype().getSystemId());
                }
            }
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("the web.xml could not be written back", e);
        }
    }
}
