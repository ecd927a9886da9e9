package fr.hubag.servicekit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every text a client sends in JSON, checked once for every endpoint present and future: at most
 * {@value #MAX_LENGTH} characters (a 1 MiB name once froze the relay), no control character other than tab and line
 * breaks (a NUL cannot be stored by PostgreSQL and made a 500), no lone surrogate (it was stored as '?'), and a text
 * where a text is expected (a number is not silently turned into one). A refusal is a 400 naming the field.
 */
@Singleton
public class StrictText implements ObjectMapperCustomizer {

    public static final int MAX_LENGTH = 10_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("hub-strict-text").addDeserializer(String.class, new Checked()));
    }

    /** Why a text was refused; the problem mappers put {@link #reason()} beside the field. */
    public static final class Refused extends InvalidFormatException {
        private final String reason;

        Refused(JsonParser parser, String reason, String value) {
            super(parser, reason, value == null ? null : value.substring(0, Math.min(value.length(), 40)),
                    String.class);
            this.reason = reason;
        }

        public String reason() { return reason; }
    }

    /** The reason a text is unacceptable, or null when it is fine. */
    public static String problemWith(String text) {
        if (text.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains a lone surrogate (not a valid Unicode character)";
            }
        }
        return null;
    }

    static final class Checked extends StdScalarDeserializer<String> {

        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                throw new Refused(parser, "must be a text (in quotes), not " + describe(token), parser.getText());
            }
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = text == null ? null : problemWith(text);
            if (problem != null) {
                throw new Refused(parser, problem, text);
            }
            return text;
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true or false";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                default -> "this";
            };
        }
    }
}
