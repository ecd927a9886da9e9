package fr.hubag.servicekit.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The numbers and lists a client sends in JSON, checked once for every endpoint present and future, as
 * {@link StrictText} checks texts: a decimal has at most {@value #MAX_DIGITS} digits on each side of its point
 * ({@code "hours": 1e-999999} passed every range check, then PostgreSQL refused to store it: a 500), a floating
 * point number is finite ({@code 1e999} is read as infinity), and a list holds no {@code null} item (a
 * {@code [null]} vocabulary once reached the event store). A refusal is a 400 naming the field.
 */
@Singleton
public class StrictValues implements ObjectMapperCustomizer {

    public static final int MAX_DIGITS = 18;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("hub-strict-values")
                .addDeserializer(BigDecimal.class, new BoundedDecimal())
                .addDeserializer(Double.class, new FiniteDouble(Double.class))
                .addDeserializer(double.class, new FiniteDouble(double.class)));
        for (Class<?> list : new Class<?>[]{List.class, Set.class, Collection.class}) {
            mapper.configOverride(list).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
    }

    /** The reason a decimal is unacceptable, or null when it is fine. */
    public static String problemWith(BigDecimal value) {
        int fraction = Math.max(value.scale(), 0);
        int whole = value.precision() - value.scale();
        if (fraction > MAX_DIGITS || whole > MAX_DIGITS) {
            return "must have at most " + MAX_DIGITS + " digits before and after the decimal point";
        }
        return null;
    }

    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            String problem = value == null ? null : problemWith(value);
            if (problem != null) {
                throw new StrictText.Refused(parser, problem, parser.getText());
            }
            return value;
        }
    }

    static final class FiniteDouble extends StdScalarDeserializer<Double> {
        private final NumberDeserializers.DoubleDeserializer delegate;

        FiniteDouble(Class<Double> type) {
            super(type);
            this.delegate = new NumberDeserializers.DoubleDeserializer(type, type.isPrimitive() ? 0.0 : null);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = delegate.deserialize(parser, context);
            if (value != null && !Double.isFinite(value)) {
                throw new StrictText.Refused(parser, "must be a finite number", parser.getText());
            }
            return value;
        }
    }
}
