package fr.hubag.eventsourcing.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import fr.hubag.domain.Coded;

import java.io.IOException;

/** Jackson support for {@link Coded} enums: written and read as their official code. */
public final class CodedEnums {

    private CodedEnums() {}

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("coded-enums");
        module.addSerializer(Coded.class, new JsonSerializer<>() {
            @Override
            public void serialize(Coded value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.code());
            }
        });
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return Coded.class.isAssignableFrom(type.getRawClass()) ? new CodeDeserializer(type.getRawClass())
                        : deserializer;
            }
        });
        return module;
    }

    private static final class CodeDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;

        CodeDeserializer(Class<?> type) { this.type = type; }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String code = p.getValueAsString();
            for (Object constant : type.getEnumConstants()) {
                if (((Coded) constant).code().equals(code)) {
                    return constant;
                }
            }
            return ctxt.handleWeirdStringValue(type, code, "not a code of %s", type.getSimpleName());
        }
    }
}
