package io.wirewatch.bench.corpus;

import io.wirewatch.knowledge.World;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A synthetic French or Spanish news corpus for the extraction benchmark, deterministic by seed: articles of 3-5 KB
 * about invented crises between real states, named as the language names them (capitals as metonyms, demonyms after
 * their noun, from the knowledge base's actor names), with a diplomatic move told as done, planned, threatened or
 * denied, casualty figures in digits and in words ("vingt-trois", "cincuenta y dos", "une quarantaine"), dates
 * ("lundi", "il y a trois jours", "el 5 de marzo de 2012", "desde marzo"), quotes and background paragraphs.
 */
public final class RomanceCorpus {

    /** One article: text, publication day, outlet. */
    public record Article(String text, LocalDate published, String outlet) {}

    /** A state as the language writes it: its capital standing for it, a plural and a singular demonym. */
    private record State(String capital, String demonymPlural, String demonymSingular) {}

    private static final LocalDate FIRST_DAY = LocalDate.of(2011, 1, 1);

    private final String language;
    private final Random random;
    private final List<State> states;
    private final Map<String, String[]> words;

    private RomanceCorpus(String language, long seed) {
        this.language = language;
        this.random = new Random(seed);
        this.states = states(language);
        this.words = language.equals("fr") ? FRENCH : SPANISH;
    }

    /** {@code count} articles in {@code language} ("fr" or "es"). */
    public static List<Article> generate(String language, int count, long seed) {
        if (!language.equals("fr") && !language.equals("es")) {
            throw new IllegalArgumentException("the generator writes French (fr) and Spanish (es), not " + language);
        }
        RomanceCorpus corpus = new RomanceCorpus(language, seed);
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(corpus.article());
        }
        return articles;
    }

    private static List<State> states(String language) {
        World world = World.standard();
        Map<String, String> capitals = new java.util.HashMap<>();
        Map<String, List<String>> demonyms = new java.util.HashMap<>();
        for (World.NameEntry entry : world.names(language)) {
            if (!entry.actor().isState() || entry.actor().status() != World.Status.UN_MEMBER) {
                continue;
            }
            String code = entry.actor().code();
            if (entry.kind() == World.NameKind.METONYM && !entry.text().contains(" ")) {
                capitals.putIfAbsent(code, entry.text());
            } else if (entry.kind() == World.NameKind.DEMONYM
                    && entry.text().equals(entry.text().toLowerCase(Locale.ROOT))) {
                demonyms.computeIfAbsent(code, c -> new ArrayList<>()).add(entry.text());
            }
        }
        List<State> states = new ArrayList<>();
        for (Map.Entry<String, String> capital : new java.util.TreeMap<>(capitals).entrySet()) {
            List<String> forms = demonyms.getOrDefault(capital.getKey(), List.of());
            String plural = forms.stream()
                    .filter(f -> f.endsWith("s") && !f.endsWith("es") || f.endsWith("ns") || f.endsWith("ses"))
                    .findFirst()
                    .orElse(null);
            if (plural != null && !forms.isEmpty()) {
                states.add(new State(capital.getValue(), plural, forms.get(0)));
            }
        }
        return List.copyOf(states);
    }

    private Article article() {
        LocalDate published = FIRST_DAY.plusDays(random.nextInt(14 * 365));
        State actor = pick(states);
        State target = pick(states);
        while (target == actor) {
            target = pick(states);
        }
        StringBuilder text = new StringBuilder();
        String[] move = pick(words.get("moves")).split("\\|");
        String object = fill(move[3], actor, target);
        text.append(fill(pick(words.get("headline")), actor, target)
                        .replace("{verb}", move[0])
                        .replace("{obj}", object))
                .append("\n\n");
        String modality = pick(words.get("modalities"));
        text.append(fill(modality, actor, target)
                        .replace("{past}", move[1])
                        .replace("{inf}", move[2])
                        .replace("{obj}", object)
                        .replace("{pp}", move[4]))
                .append("\n\n");
        List<String> paragraphs = new ArrayList<>(List.of(words.get("paragraphs")));
        java.util.Collections.shuffle(paragraphs, random);
        int length = 3_000 + random.nextInt(2_000);
        for (String paragraph : paragraphs) {
            if (text.length() > length) {
                break;
            }
            text.append(fill(paragraph, actor, target)).append("\n\n");
        }
        return new Article(text.toString().strip(), published, pick(words.get("outlets")));
    }

    private String fill(String template, State actor, State target) {
        String out = template.replace("{A}", actor.capital())
                .replace("{T}", target.capital())
                .replace("{tdem}", target.demonymPlural())
                .replace("{tdem1}", target.demonymSingular())
                .replace("{adem1}", actor.demonymSingular());
        out = replaceAll(out, "{n}", () -> String.valueOf(3 + random.nextInt(150)));
        out = replaceAll(
                out,
                "{big}",
                () -> String.format(Locale.ROOT, "%d %03d", 1 + random.nextInt(20), random.nextInt(1000)));
        out = replaceAll(out, "{words}", () -> numberInWords(21 + random.nextInt(78)));
        out = replaceAll(out, "{day}", () -> pick(words.get("days")));
        out = replaceAll(out, "{month}", () -> pick(words.get("months")));
        out = replaceAll(out, "{year}", () -> String.valueOf(2011 + random.nextInt(14)));
        out = replaceAll(out, "{name}", () -> pick(FIRST_NAMES) + " " + pick(SURNAMES));
        out = replaceAll(out, "{village}", () -> pick(VILLAGES));
        return out;
    }

    private static String replaceAll(String text, String key, Supplier<String> value) {
        String out = text;
        int at;
        while ((at = out.indexOf(key)) >= 0) {
            out = out.substring(0, at) + value.get() + out.substring(at + key.length());
        }
        return out;
    }

    private String numberInWords(int n) {
        String[] tens = words.get("tens");
        String[] units = words.get("units");
        int ten = n / 10;
        int unit = n % 10;
        if (unit == 0) {
            return tens[ten];
        }
        if (language.equals("fr")) {
            return ten == 7 || ten == 9
                    ? tens[ten - 1] + "-" + words.get("teens")[unit]
                    : unit == 1 && ten < 8 ? tens[ten] + " et un" : tens[ten] + "-" + units[unit];
        }
        return tens[ten] + " y " + units[unit];
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static final String[] FIRST_NAMES = {
        "Amadou", "Jean", "Marie", "Carlos", "Ana", "Moussa", "Luis", "Fatou", "Pierre", "Lucía", "Ibrahim", "Sofía",
        "Olivier", "Diego", "Aïcha"
    };
    private static final String[] SURNAMES = {
        "Traoré",
        "Dupont",
        "García",
        "Martínez",
        "Diallo",
        "Moreau",
        "Ruiz",
        "Koné",
        "Lefèvre",
        "Sánchez",
        "Ouédraogo",
        "Herrera",
        "Bernard",
        "Castillo",
        "Sangaré"
    };
    private static final String[] VILLAGES = {
        "Tinzaouaten",
        "Dounkala",
        "Sarakoro",
        "Belindi",
        "Kouloumbou",
        "Villanueva del Río",
        "San Miguel de Oriente",
        "Tazoult",
        "Dindéresso",
        "Santa Rosa de Lima"
    };

    private static final Map<String, String[]> FRENCH = Map.of(
            "moves",
                    new String[] {
                        "expulse|a expulsé|d'expulser|{n} diplomates {tdem}|expulsé",
                        "rappelle son ambassadeur|a rappelé|de rappeler|son ambassadeur à {T} pour consultations|rappelé",
                        "ferme son ambassade|a fermé|de fermer|son ambassade à {T}|fermé",
                        "rompt avec|a rompu|de rompre|ses relations diplomatiques avec le gouvernement {tdem1}|rompu",
                        "sanctionne|a imposé|d'imposer|de nouvelles sanctions au régime {tdem1}|imposé",
                        "déclare persona non grata|a déclaré persona non grata|de déclarer persona non grata|l'ambassadeur {tdem1}|déclaré persona non grata"
                    },
            "headline",
                    new String[] {"{A} {verb} {T}", "Crise diplomatique : {A} {verb}", "{A} {verb} après les violences"
                    },
            "modalities",
                    new String[] {
                        "{A} {past} {day} {obj}, a annoncé le ministère des Affaires étrangères dans un communiqué.",
                        "{A} {past} {obj}, a indiqué {day} le porte-parole du gouvernement, {name}.",
                        "Le gouvernement {adem1} {past} {day} {obj} en réponse aux violences.",
                        "{A} envisage {inf} {obj}, selon des sources diplomatiques citées par la presse locale.",
                        "{A} menace {inf} {obj} si la répression ne cesse pas dans les prochains jours.",
                        "{A} dément avoir {pp} {obj}, qualifiant ces informations de « rumeurs sans fondement »."
                    },
            "paragraphs",
                    new String[] {
                        "Au moins {n} personnes ont été tuées {day} à {T}, selon un bilan de l'armée communiqué en fin de journée.",
                        "{words} civils ont été tués dans l'attaque du village de {village}, a indiqué à l'AFP un responsable local sous couvert d'anonymat.",
                        "Le bilan s'élève désormais à plus de {big} morts depuis {month} {year}, selon les Nations unies.",
                        "Une quarantaine de personnes ont été blessées et {n} autres arrêtées lors des manifestations de la veille.",
                        "Des dizaines de milliers d'habitants ont fui la région il y a trois jours, selon le Haut-Commissariat pour les réfugiés.",
                        "« Nous condamnons fermement cette décision, qui ne restera pas sans réponse », a déclaré {name}, porte-parole de la diplomatie, lors d'un point de presse.",
                        "La crise a commencé il y a plusieurs années, lorsque des manifestations pacifiques ont été réprimées par les forces de sécurité.",
                        "Les discussions au Conseil de sécurité restent bloquées : la Russie et la Chine ont opposé leur veto à plusieurs projets de résolution.",
                        "L'Union européenne prépare de nouvelles sanctions contre des responsables du régime {tdem1}, selon un diplomate à Bruxelles.",
                        "Selon l'opposition, vingt-trois soldats ont été tués la semaine dernière dans une embuscade près de la frontière.",
                        "Le ministre {adem1} des Affaires étrangères, {name}, doit se rendre à Genève lundi pour des consultations avec ses homologues.",
                        "Les ambassadeurs des pays voisins ont été convoqués par les autorités, qui dénoncent une « ingérence inacceptable ».",
                        "Les combats se poursuivent dans l'est du pays, où l'armée affirme avoir repris le contrôle de plusieurs localités.",
                        "En {year}, {A} avait déjà rappelé son ambassadeur pendant plusieurs mois avant de rétablir ses relations avec {T}.",
                        "Les observateurs craignent une nouvelle escalade si aucune médiation n'aboutit d'ici la fin du mois."
                    },
            "days", new String[] {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier"},
            "months",
                    new String[] {
                        "janvier",
                        "février",
                        "mars",
                        "avril",
                        "mai",
                        "juin",
                        "juillet",
                        "août",
                        "septembre",
                        "octobre",
                        "novembre",
                        "décembre"
                    },
            "outlets",
                    new String[] {
                        "Agence Presse Monde", "Le Journal du Soir", "Radio Afrique Info", "L'Écho international"
                    },
            "tens",
                    new String[] {
                        "",
                        "dix",
                        "vingt",
                        "trente",
                        "quarante",
                        "cinquante",
                        "soixante",
                        "soixante",
                        "quatre-vingt",
                        "quatre-vingt"
                    },
            "units", new String[] {"", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"},
            "teens",
                    new String[] {
                        "dix",
                        "onze",
                        "douze",
                        "treize",
                        "quatorze",
                        "quinze",
                        "seize",
                        "dix-sept",
                        "dix-huit",
                        "dix-neuf"
                    });

    private static final Map<String, String[]> SPANISH = Map.of(
            "moves",
                    new String[] {
                        "expulsa a diplomáticos|expulsó|expulsar|a {n} diplomáticos {tdem}|expulsado",
                        "llama a consultas a su embajador|llamó a consultas|llamar a consultas|a su embajador en {T}|llamado a consultas",
                        "cierra su embajada|cerró|cerrar|su embajada en {T}|cerrado",
                        "rompe relaciones|rompió|romper|relaciones diplomáticas con el gobierno {tdem1}|roto",
                        "sanciona|impuso|imponer|nuevas sanciones al régimen {tdem1}|impuesto",
                        "declara persona non grata|declaró persona non grata|declarar persona non grata|al embajador {tdem1}|declarado persona non grata"
                    },
            "headline", new String[] {"{A} {verb}", "Crisis diplomática: {A} {verb}", "{A} {verb} tras la violencia"},
            "modalities",
                    new String[] {
                        "{A} {past} el {day} {obj}, anunció la cancillería en un comunicado.",
                        "{A} {past} {obj}, informó el {day} el portavoz del gobierno, {name}.",
                        "El gobierno {adem1} {past} el {day} {obj} en respuesta a la violencia.",
                        "{A} estudia {inf} {obj}, según fuentes diplomáticas citadas por la prensa local.",
                        "{A} amenaza con {inf} {obj} si la represión no cesa en los próximos días.",
                        "{A} niega haber {pp} {obj} y califica esas informaciones de «rumores sin fundamento»."
                    },
            "paragraphs",
                    new String[] {
                        "Al menos {n} personas murieron el {day} en {T}, según un balance del ejército difundido al final del día.",
                        "{words} civiles murieron en el ataque contra la aldea de {village}, dijo a la AFP un funcionario local que pidió el anonimato.",
                        "El balance supera ya los {big} muertos desde {month} de {year}, según las Naciones Unidas.",
                        "Decenas de personas resultaron heridas y {n} más fueron detenidas durante las protestas del día anterior.",
                        "Decenas de miles de habitantes huyeron de la región hace tres días, según el Alto Comisionado para los Refugiados.",
                        "«Condenamos firmemente esta decisión, que no quedará sin respuesta», declaró {name}, portavoz de la cancillería, en rueda de prensa.",
                        "La crisis comenzó hace varios años, cuando las protestas pacíficas fueron reprimidas por las fuerzas de seguridad.",
                        "Las discusiones en el Consejo de Seguridad siguen bloqueadas: Rusia y China vetaron varios proyectos de resolución.",
                        "La Unión Europea prepara nuevas sanciones contra funcionarios del régimen {tdem1}, según un diplomático en Bruselas.",
                        "Según la oposición, treinta y dos soldados murieron la semana pasada en una emboscada cerca de la frontera.",
                        "El canciller {adem1}, {name}, viajará a Ginebra el lunes para consultas con sus homólogos.",
                        "Los embajadores de los países vecinos fueron convocados por las autoridades, que denuncian una «injerencia inaceptable».",
                        "Los combates continúan en el este del país, donde el ejército afirma haber recuperado el control de varias localidades.",
                        "En {year}, {A} ya había llamado a consultas a su embajador durante varios meses antes de restablecer relaciones con {T}.",
                        "Los observadores temen una nueva escalada si ninguna mediación prospera antes de fin de mes."
                    },
            "days", new String[] {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"},
            "months",
                    new String[] {
                        "enero",
                        "febrero",
                        "marzo",
                        "abril",
                        "mayo",
                        "junio",
                        "julio",
                        "agosto",
                        "septiembre",
                        "octubre",
                        "noviembre",
                        "diciembre"
                    },
            "outlets",
                    new String[] {
                        "Agencia Noticias Mundo", "Diario de la Tarde", "Radio Continental", "El Eco Internacional"
                    },
            "tens",
                    new String[] {
                        "",
                        "diez",
                        "veinte",
                        "treinta",
                        "cuarenta",
                        "cincuenta",
                        "sesenta",
                        "setenta",
                        "ochenta",
                        "noventa"
                    },
            "units", new String[] {"", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"},
            "teens", new String[] {});
}
