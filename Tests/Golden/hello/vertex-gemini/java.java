// JDK 17+, no build tool or library. Run: java -Dfile.encoding=UTF-8 Main.java
// (JDK 17 reads a source file in the system's encoding; the flag makes it UTF-8, as JDK 18+ does.)
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class Main {
    // CloseAI's base URL for the Google Vertex AI API; the request below goes to /v1beta1/publishers/google/models/gemini-2.5-flash:generateContent under it.
    static final String BASE_URL = "https://api.openai-proxy.org/google";

    public static void main(String[] args) throws Exception {
        String apiKey = "sk-golden-0123456789abcdef";
        String prompt = "Say hi";

        String body = """
            {
              "contents": [{"role": "user", "parts": [{"text": %s}]}]
            }""".formatted(Json.quote(prompt));
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent"))
            .header("Content-Type", "application/json")
            .header("x-goog-api-key", apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();

        System.out.println(textOf(send(request)));
    }

    /** Sends the request and reads the JSON answer; an HTTP error ends the program with the status and the relay's message. */
    static Object send(HttpRequest request) throws Exception {
        HttpResponse<String> response =
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            System.err.println("HTTP " + response.statusCode() + ": " + response.body());
            System.exit(1);
        }
        return Json.parse(response.body());
    }

    /** The text of a generateContent response, or of one streamed chunk. */
    static String textOf(Object chunk) {
        StringBuilder text = new StringBuilder();
        for (Object part : Json.list(chunk, "candidates", 0, "content", "parts")) {
            if (Json.at(part, "text") instanceof String piece) text.append(piece);
        }
        return text.toString();
    }

    /**
     * JSON without a library: the JDK has no JSON API (and the JavaScript engine that could read
     * it left in JDK 15), so this small reader is part of the program. quote writes a string;
     * parse reads JSON text into Map, List, String, Double, Boolean and null; at and list walk in.
     */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static String quote(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return out.append('"').toString();
        }

        static Object parse(String text) {
            Json reader = new Json(text);
            Object value = reader.value();
            reader.skipSpace();
            if (reader.at != text.length()) throw reader.error();
            return value;
        }

        /** The value at a path of object keys and array indexes, or null when there is none. */
        static Object at(Object node, Object... path) {
            for (Object step : path) {
                if (step instanceof String key && node instanceof Map<?, ?> object) {
                    node = object.get(key);
                } else if (step instanceof Integer index && node instanceof List<?> array && index < array.size()) {
                    node = array.get(index);
                } else {
                    return null;
                }
            }
            return node;
        }

        /** The array at a path, or an empty list when there is none. */
        static List<?> list(Object node, Object... path) {
            return at(node, path) instanceof List<?> array ? array : List.of();
        }

        private Object value() {
            skipSpace();
            char c = at < text.length() ? text.charAt(at) : '\0';
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (take('}')) return object;
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    object.put(key, value());
                    skipSpace();
                } while (take(','));
                expect('}');
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skipSpace();
                if (take(']')) return array;
                do {
                    array.add(value());
                    skipSpace();
                } while (take(','));
                expect(']');
                return array;
            }
            if (c == '"') return string();
            for (String word : new String[] {"true", "false", "null"}) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word.equals("true"));
                }
            }
            int start = at;
            while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) at++;
            if (start == at) throw error();
            return Double.valueOf(text.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') return out.toString();
                if (c != '\\' || at >= text.length()) {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
            throw error();
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        }

        private boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!take(c)) throw error();
        }

        private IllegalArgumentException error() {
            return new IllegalArgumentException("invalid JSON at offset " + at + ": " + text);
        }
    }
}
