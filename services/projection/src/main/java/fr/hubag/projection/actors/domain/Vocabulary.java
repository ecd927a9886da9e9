package fr.hubag.projection.actors.domain;

import fr.hubag.contracts.actors.Label;
import fr.hubag.contracts.standard.AccessMode;
import fr.hubag.contracts.standard.Programme;
import fr.hubag.contracts.standard.Public;
import fr.hubag.contracts.standard.Service;
import fr.hubag.contracts.standard.SupportMode;
import fr.hubag.domain.Coded;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The closed vocabularies the read models filter on, as lists of codes taken from the contracts' enumerations (the
 * national standard's values, v1.0.2, and the hub's labels), in their order. Queries are checked against them so a
 * misspelt value is a 400 listing the right ones, not an empty page.
 */
public final class Vocabulary {

    public static final List<String> SERVICES = codes(Service.class);

    public static final List<String> PUBLICS = codes(Public.class);

    public static final List<String> ACCESS_MODES = codes(AccessMode.class);

    public static final List<String> SUPPORT_MODES = codes(SupportMode.class);

    /** Access modes then support modes: what {@code modality} accepts. */
    public static final List<String> MODALITIES = Stream.concat(ACCESS_MODES.stream(), SUPPORT_MODES.stream()).toList();

    /** The standard's dispositif_programmes_nationaux values. */
    public static final List<String> STANDARD_PROGRAMMES = codes(Programme.class);

    /** What LabelGranted may carry: APTIC, then the standard's programmes. */
    public static final List<String> LABELS = codes(Label.class);

    /** A data.inclusion typology code, as the Place contract constrains it (the vocabulary itself is open). */
    public static final Pattern TYPOLOGY = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Vocabulary() {}

    private static <T extends Enum<T> & Coded> List<String> codes(Class<T> type) {
        return List.of(Coded.codes(type));
    }
}
