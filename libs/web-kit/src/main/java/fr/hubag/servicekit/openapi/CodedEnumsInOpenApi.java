package fr.hubag.servicekit.openapi;

import fr.hubag.domain.Coded;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Clients send and read a national vocabulary by its code ("Aide aux démarches administratives",
 * "mediateur_numerique"), as the REST layer's Jackson module and the events do; the OpenAPI scanner only knows an
 * enum's Java constants and would publish {@code AIDE_AUX_DEMARCHES_ADMINISTRATIVES}, a value every endpoint refuses.
 * This filter writes each {@link Coded} enumeration's codes in place of its constant names. It finds the enums in
 * the Jandex indexes the modules ship ({@code contracts} has one), so a new vocabulary needs nothing here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CodedEnumsInOpenApi implements OASFilter {

    private static final DotName CODED = DotName.createSimple(Coded.class.getName());

    /** The codes of each vocabulary, in declaration order, under the set of its constant names. */
    private final Map<Set<String>, List<String>> codesByConstants;

    public CodedEnumsInOpenApi() {
        this(indexedCodedEnums(classLoader()));
    }

    CodedEnumsInOpenApi(Collection<Class<?>> codedEnums) {
        Map<Set<String>, List<String>> codes = new HashMap<>();
        for (Class<?> type : codedEnums) {
            Object[] constants = type.getEnumConstants();
            Set<String> names = Arrays.stream(constants).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toCollection(TreeSet::new));
            List<String> values = Arrays.stream(constants).map(c -> ((Coded) c).code()).toList();
            List<String> known = codes.putIfAbsent(names, values);
            if (known != null && !known.equals(values)) {
                throw new IllegalStateException("two vocabularies have the constants " + names
                        + " with different codes; the OpenAPI document could not say which one a field takes");
            }
        }
        this.codesByConstants = Map.copyOf(codes);
    }

    @Override
    public Schema filterSchema(Schema schema) {
        List<Object> values = schema.getEnumeration();
        if (values != null && !values.isEmpty()) {
            Set<String> names = values.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            List<String> codes = codesByConstants.get(names);
            if (codes != null) {
                schema.setEnumeration(new ArrayList<>(codes));
            }
        }
        return schema;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : CodedEnumsInOpenApi.class.getClassLoader();
    }

    /** The enums implementing {@link Coded} in every Jandex index on the class path. */
    static List<Class<?>> indexedCodedEnums(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/jandex.idx"))) {
                try (InputStream in = url.openStream()) {
                    for (ClassInfo type : new IndexReader(in).read().getAllKnownImplementors(CODED)) {
                        if (type.isEnum()) {
                            names.add(type.name().toString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the Jandex indexes for the vocabularies", e);
        }
        List<Class<?>> enums = new ArrayList<>();
        for (String name : names) {
            try {
                enums.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("vocabulary " + name + " is indexed but cannot be loaded", e);
            }
        }
        return enums;
    }
}
