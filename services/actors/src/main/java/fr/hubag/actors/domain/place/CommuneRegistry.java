package fr.hubag.actors.domain.place;

import fr.hubag.domain.Territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The official communes of the hub territories (COG and La Poste, see {@code communes/README.md}). The territory of
 * a place comes from its commune and nothing else, so this list is what makes "which territory" trustworthy: a
 * commune is accepted only when its name, INSEE code and postcode agree with it.
 */
public final class CommuneRegistry {

    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");
    private static final Pattern INSEE_CODE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static final String RESOURCE = "/communes/hub-communes.csv";

    private static final class Official {
        static final CommuneRegistry INSTANCE = fromClasspath();
    }

    private final List<HubCommune> communes;
    private final Map<String, HubCommune> byInsee = new LinkedHashMap<>();
    private final Map<String, List<HubCommune>> byPostcode = new LinkedHashMap<>();

    public CommuneRegistry(List<HubCommune> communes) {
        this.communes = List.copyOf(communes);
        for (HubCommune commune : this.communes) {
            byInsee.put(commune.inseeCode(), commune);
            commune.postcodes().forEach(p -> byPostcode.computeIfAbsent(p, k -> new ArrayList<>()).add(commune));
        }
    }

    /** The official list, read once from {@value #RESOURCE}. */
    public static CommuneRegistry official() {
        return Official.INSTANCE;
    }

    static CommuneRegistry fromClasspath() {
        try (InputStream in = CommuneRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads {@code insee_code,name,postcodes,territory} rows (UTF-8, header first; names hold no comma). */
    public static CommuneRegistry read(InputStream in) throws IOException {
        List<HubCommune> communes = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.strip().equals("insee_code,name,postcodes,territory")) {
            throw new IllegalStateException("unexpected header in the commune list: " + header);
        }
        for (String next = reader.readLine(); next != null; next = reader.readLine()) {
            String line = next;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalStateException("malformed commune row: " + line);
            }
            Territory territory = Territory.parse(cells[3].strip())
                    .orElseThrow(() -> new IllegalStateException("unknown territory in row: " + line));
            communes.add(new HubCommune(cells[0].strip(), cells[1].strip(),
                    Arrays.asList(SPACES.split(cells[2].strip())), territory));
        }
        return new CommuneRegistry(communes);
    }

    public List<HubCommune> all() {
        return communes;
    }

    public List<HubCommune> inTerritory(Territory territory) {
        return communes.stream().filter(c -> c.territory() == territory).toList();
    }

    public Optional<HubCommune> byInseeCode(String inseeCode) {
        return inseeCode == null ? Optional.empty() : Optional.ofNullable(byInsee.get(inseeCode.strip()));
    }

    /** The communes a postcode serves: none, one, or several (97218, 97222, 97250). */
    public List<HubCommune> byPostcode(String postcode) {
        return postcode == null ? List.of() : List.copyOf(byPostcode.getOrDefault(postcode.strip(), List.of()));
    }

    /**
     * The commune of that name, spelled loosely (accents, case, hyphens, a leading article); empty when unknown or
     * ambiguous. "Lamentin" is Guadeloupe's and "Le Lamentin" Martinique's; "Sainte-Anne" alone is ambiguous.
     */
    public Optional<HubCommune> byName(String name) {
        List<HubCommune> exact = communes.stream().filter(c -> Text.loose(c.name()).equals(Text.loose(name))).toList();
        if (exact.size() == 1) {
            return Optional.of(exact.getFirst());
        }
        List<HubCommune> loose = communes.stream().filter(c -> named(c, name)).toList();
        return loose.size() == 1 ? Optional.of(loose.getFirst()) : Optional.empty();
    }

    /** True when {@code name} is the commune's name, spelled loosely. */
    public static boolean named(HubCommune commune, String name) {
        return name != null && Text.communeKey(commune.name()).equals(Text.communeKey(name));
    }

    /**
     * Checks that a name, an optional INSEE code and a postcode designate one hub commune. Without an INSEE code
     * (it is optional in the standard) the postcode and the name find it together.
     */
    public CommuneCheck check(String name, String inseeCode, String postcode) {
        return check(name, inseeCode, postcode, false);
    }

    /**
     * As {@link #check(String, String, String)}; with {@code closeVariants}, a name one or two letters away from the
     * name of the commune the codes designate ("Shoelcher", "Anse d'arlet") is read as that commune, unless it is
     * the name of another commune. Every name recorded otherwise than it was written is a warning.
     */
    public CommuneCheck check(String name, String inseeCode, String postcode, boolean closeVariants) {
        List<FieldProblem> problems = new ArrayList<>();
        List<FieldProblem> corrections = new ArrayList<>();
        String n = Text.blankToNull(name);
        String insee = Text.blankToNull(inseeCode);
        String code = Text.blankToNull(postcode);
        if (n == null) {
            problems.add(new FieldProblem(StandardField.COMMUNE, "is required: the name of the address's commune"));
        }
        if (code == null) {
            problems.add(new FieldProblem(StandardField.CODE_POSTAL, "is required: the address's 5-digit postcode"));
        } else if (!FIVE_DIGITS.matcher(code).matches()) {
            problems.add(new FieldProblem(StandardField.CODE_POSTAL, "'" + code + "' is not a postcode: 5 digits"));
            code = null;
        }
        HubCommune commune = insee != null
                ? byCode(insee.toUpperCase(java.util.Locale.ROOT), n, code, problems, closeVariants)
                : byPostcodeAndName(n, code, problems, closeVariants);
        if (problems.isEmpty() && commune != null && !Text.tight(n).equals(Text.tight(commune.name()))) {
            corrections.add(new FieldProblem(StandardField.COMMUNE, "'" + n + "' read as " + commune.name() + " ("
                    + commune.inseeCode() + "), the official name of the commune of postcode " + code,
                    Correction.COMMUNE_NAME.code(), n, commune.name()));
        }
        return problems.isEmpty() && commune != null
                ? new CommuneCheck.Resolved(commune, code, corrections)
                : new CommuneCheck.Problems(problems);
    }

    private HubCommune byCode(String insee, String name, String postcode, List<FieldProblem> problems,
                              boolean closeVariants) {
        if (!INSEE_CODE.matcher(insee).matches()) {
            problems.add(new FieldProblem(StandardField.CODE_INSEE, "'" + insee
                    + "' is not an INSEE commune code: 5 characters (e.g. 97213)"));
            return byPostcodeAndName(name, postcode, problems, closeVariants);
        }
        HubCommune commune = byInsee.get(insee);
        if (commune == null) {
            problems.add(new FieldProblem(StandardField.CODE_INSEE, insee + " is not a commune of a hub territory: "
                    + Elsewhere.ofInseeCode(insee)));
            if (postcode != null && byPostcode(postcode).isEmpty()) {
                problems.add(outsidePostcode(postcode));
            }
            return null;
        }
        if (postcode != null && !commune.hasPostcode(postcode)) {
            problems.add(new FieldProblem(StandardField.CODE_POSTAL, postcode + " is not a postcode of "
                    + commune.describe() + ", which has " + String.join(" and ", commune.postcodes())
                    + whosePostcode(postcode)));
        }
        if (name != null && !named(commune, name) && !(closeVariants && closeVariant(commune, name))) {
            problems.add(new FieldProblem(StandardField.COMMUNE, "'" + name + "' is not the name of commune "
                    + commune.describe() + whoseName(name, commune)));
        }
        return commune;
    }

    private HubCommune byPostcodeAndName(String name, String postcode, List<FieldProblem> problems,
                                         boolean closeVariants) {
        if (postcode == null) {
            return null;
        }
        List<HubCommune> candidates = byPostcode(postcode);
        if (candidates.isEmpty()) {
            problems.add(outsidePostcode(postcode));
            return null;
        }
        if (name == null) {
            return null;
        }
        List<HubCommune> matching = candidates.stream().filter(c -> named(c, name)).toList();
        if (matching.size() == 1) {
            return matching.getFirst();
        }
        List<HubCommune> variants = closeVariants && matching.isEmpty()
                ? candidates.stream().filter(c -> closeVariant(c, name)).toList() : List.of();
        if (variants.size() == 1) {
            return variants.getFirst();
        }
        String reason = candidates.size() == 1
                ? "'" + name + "' is not the commune of postcode " + postcode + ", which is "
                        + candidates.getFirst().describe()
                : "postcode " + postcode + " is shared by " + describe(candidates) + ": '" + name
                        + "' is none of them";
        problems.add(new FieldProblem(StandardField.COMMUNE, reason + whoseName(name, null)));
        return null;
    }

    /** A misspelling of the commune's name, not the name of another commune: at most 2 edits, 1 per 4 letters. */
    private boolean closeVariant(HubCommune commune, String name) {
        String official = Text.communeKey(commune.name());
        int edits = Text.edits(official, Text.communeKey(name));
        return edits <= 2 && edits * 4 <= official.length()
                && byName(name).filter(other -> !other.equals(commune)).isEmpty()
                && communes.stream().noneMatch(other -> !other.equals(commune) && named(other, name));
    }

    private FieldProblem outsidePostcode(String postcode) {
        return new FieldProblem(StandardField.CODE_POSTAL, postcode + " is not the postcode of a hub commune: "
                + Elsewhere.ofPostcode(postcode));
    }

    /** A hint on where a mistaken postcode belongs. */
    private String whosePostcode(String postcode) {
        List<HubCommune> owners = byPostcode(postcode);
        if (owners.isEmpty()) {
            return " (" + Elsewhere.ofPostcode(postcode) + ")";
        }
        return " (" + postcode + " is " + describe(owners) + "'s)";
    }

    /** A hint on which commune a mistaken name is, when it is one. */
    private String whoseName(String name, HubCommune other) {
        return byName(name).filter(c -> !c.equals(other))
                .map(c -> "; " + c.name() + " is INSEE " + c.inseeCode() + ", postcode "
                        + String.join(" or ", c.postcodes()))
                .orElse("");
    }

    private static String describe(List<HubCommune> communes) {
        return String.join(", ", communes.stream().map(HubCommune::describe).toList());
    }
}
