package io.wirewatch.bench.corpus;

import java.util.List;

/**
 * The words the corpus generator draws from: states with their demonyms, capitals and cities, groups of states,
 * outlets, people, casualty sources. Written for this benchmark in the register of the seed reports; the names of
 * people are invented so no generated article can be mistaken for a real report about a real person.
 */
final class Vocabulary {

    /** A state as articles name it: "Syria", "Syrian", "Damascus", and cities where fighting can be reported. */
    record Country(String name, String demonym, String capital, List<String> cities) {}

    /** A group of states that can act together ("the Gulf Cooperation Council" expels ...). */
    record Group(String name, String shortName, List<String> members) {}

    /** An outlet with the host its URLs live on. */
    record Outlet(String name, String host) {}

    private Vocabulary() {}

    static final List<Country> COUNTRIES = List.of(
            country("Syria", "Syrian", "Damascus", "Homs", "Hama", "Aleppo", "Deraa", "Idlib"),
            country("Libya", "Libyan", "Tripoli", "Benghazi", "Misrata", "Sirte"),
            country("Yemen", "Yemeni", "Sanaa", "Aden", "Taiz", "Hodeidah"),
            country("Egypt", "Egyptian", "Cairo", "Alexandria", "Port Said", "Suez"),
            country("Iraq", "Iraqi", "Baghdad", "Mosul", "Basra", "Fallujah"),
            country("Iran", "Iranian", "Tehran", "Isfahan", "Tabriz", "Mashhad"),
            country("Lebanon", "Lebanese", "Beirut", "Tripoli", "Sidon", "Tyre"),
            country("Jordan", "Jordanian", "Amman", "Irbid", "Zarqa"),
            country("Turkey", "Turkish", "Ankara", "Istanbul", "Izmir", "Diyarbakir"),
            country("Israel", "Israeli", "Jerusalem", "Tel Aviv", "Haifa"),
            country("Saudi Arabia", "Saudi", "Riyadh", "Jeddah", "Dammam"),
            country("Qatar", "Qatari", "Doha", "Al Rayyan"),
            country("Kuwait", "Kuwaiti", "Kuwait City", "Jahra"),
            country("Bahrain", "Bahraini", "Manama", "Muharraq", "Sitra"),
            country("Oman", "Omani", "Muscat", "Salalah", "Sohar"),
            country("the United Arab Emirates", "Emirati", "Abu Dhabi", "Dubai", "Sharjah"),
            country("Tunisia", "Tunisian", "Tunis", "Sfax", "Sidi Bouzid"),
            country("Algeria", "Algerian", "Algiers", "Oran", "Constantine"),
            country("Morocco", "Moroccan", "Rabat", "Casablanca", "Fez"),
            country("Sudan", "Sudanese", "Khartoum", "Omdurman", "El Fasher", "Nyala"),
            country("South Sudan", "South Sudanese", "Juba", "Malakal", "Bor"),
            country("Ethiopia", "Ethiopian", "Addis Ababa", "Mekelle", "Gondar"),
            country("Somalia", "Somali", "Mogadishu", "Kismayo", "Baidoa"),
            country("Kenya", "Kenyan", "Nairobi", "Mombasa", "Kisumu"),
            country("Nigeria", "Nigerian", "Abuja", "Lagos", "Maiduguri", "Kano"),
            country("Mali", "Malian", "Bamako", "Gao", "Timbuktu", "Kidal"),
            country("Niger", "Nigerien", "Niamey", "Agadez", "Zinder"),
            country("Chad", "Chadian", "N'Djamena", "Abeche", "Moundou"),
            country("the Democratic Republic of Congo", "Congolese", "Kinshasa", "Goma", "Bukavu", "Beni"),
            country("Zimbabwe", "Zimbabwean", "Harare", "Bulawayo", "Mutare"),
            country("South Africa", "South African", "Pretoria", "Johannesburg", "Durban"),
            country("Russia", "Russian", "Moscow", "St Petersburg", "Grozny"),
            country("Ukraine", "Ukrainian", "Kyiv", "Kharkiv", "Odesa", "Donetsk"),
            country("Belarus", "Belarusian", "Minsk", "Brest", "Gomel"),
            country("Georgia", "Georgian", "Tbilisi", "Batumi", "Gori"),
            country("Armenia", "Armenian", "Yerevan", "Gyumri"),
            country("Azerbaijan", "Azerbaijani", "Baku", "Ganja"),
            country("China", "Chinese", "Beijing", "Shanghai", "Urumqi"),
            country("North Korea", "North Korean", "Pyongyang", "Kaesong"),
            country("South Korea", "South Korean", "Seoul", "Busan"),
            country("Japan", "Japanese", "Tokyo", "Osaka"),
            country("Myanmar", "Burmese", "Naypyidaw", "Yangon", "Mandalay", "Sittwe"),
            country("Thailand", "Thai", "Bangkok", "Chiang Mai", "Pattani"),
            country("Afghanistan", "Afghan", "Kabul", "Kandahar", "Herat", "Kunduz"),
            country("Pakistan", "Pakistani", "Islamabad", "Karachi", "Peshawar", "Quetta"),
            country("India", "Indian", "New Delhi", "Mumbai", "Srinagar"),
            country("Sri Lanka", "Sri Lankan", "Colombo", "Jaffna", "Kandy"),
            country("Venezuela", "Venezuelan", "Caracas", "Maracaibo", "Valencia"),
            country("Colombia", "Colombian", "Bogota", "Medellin", "Cali"),
            country("Nicaragua", "Nicaraguan", "Managua", "Leon", "Masaya"),
            country("Cuba", "Cuban", "Havana", "Santiago de Cuba"),
            country("Mexico", "Mexican", "Mexico City", "Culiacan", "Tijuana"),
            country("the United States", "American", "Washington", "New York"),
            country("Canada", "Canadian", "Ottawa", "Toronto"),
            country("the United Kingdom", "British", "London", "Manchester"),
            country("France", "French", "Paris", "Marseille"),
            country("Germany", "German", "Berlin", "Munich"),
            country("Italy", "Italian", "Rome", "Milan"),
            country("Spain", "Spanish", "Madrid", "Barcelona"),
            country("the Netherlands", "Dutch", "The Hague", "Amsterdam"),
            country("Poland", "Polish", "Warsaw", "Krakow"),
            country("Australia", "Australian", "Canberra", "Sydney"),
            country("Brazil", "Brazilian", "Brasilia", "Rio de Janeiro"));

    /** Groups whose statements the seeds quote ("The Gulf Cooperation Council said ..."). */
    static final List<Group> GROUPS = List.of(
            new Group(
                    "the Gulf Cooperation Council",
                    "GCC",
                    List.of("Saudi Arabia", "Kuwait", "Bahrain", "Qatar", "Oman", "the United Arab Emirates")),
            new Group(
                    "the Arab League", "Arab League", List.of("Egypt", "Jordan", "Saudi Arabia", "Morocco", "Tunisia")),
            new Group(
                    "the European Union",
                    "EU",
                    List.of("France", "Germany", "Italy", "Spain", "the Netherlands", "Poland")),
            new Group("the African Union", "AU", List.of("Nigeria", "Kenya", "Ethiopia", "South Africa")),
            new Group("the Economic Community of West African States", "Ecowas", List.of("Nigeria", "Niger", "Mali")));

    static final List<Outlet> OUTLETS = List.of(
            new Outlet("BBC", "www.bbc.co.uk"), new Outlet("CBC", "www.cbc.ca"),
            new Outlet("The Globe and Mail", "www.theglobeandmail.com"), new Outlet("Reuters", "www.reuters.com"),
            new Outlet("Associated Press", "apnews.com"), new Outlet("AFP", "www.afp.com"),
            new Outlet("Al Jazeera", "www.aljazeera.com"), new Outlet("The Guardian", "www.theguardian.com"),
            new Outlet("The New York Times", "www.nytimes.com"),
                    new Outlet("The Washington Post", "www.washingtonpost.com"),
            new Outlet("Deutsche Welle", "www.dw.com"), new Outlet("France 24", "www.france24.com"),
            new Outlet("The Independent", "www.independent.co.uk"), new Outlet("NPR", "www.npr.org"),
            new Outlet("The Irish Times", "www.irishtimes.com"), new Outlet("ABC News", "www.abc.net.au"),
            new Outlet("The Hindu", "www.thehindu.com"), new Outlet("Dawn", "www.dawn.com"),
            new Outlet("The National", "www.thenationalnews.com"), new Outlet("Daily Star", "www.dailystar.com.lb"),
            new Outlet("Euronews", "www.euronews.com"), new Outlet("The Times", "www.thetimes.co.uk"));

    static final List<String> FIRST_NAMES = List.of(
            "Adel", "Amina", "Bashir", "Carlos", "Dmitri", "Elena", "Farid", "Grigor", "Hassan", "Ines", "Jamal",
            "Karim", "Leila", "Marek", "Nadia", "Omar", "Pavel", "Rania", "Samir", "Tariq", "Ursula", "Viktor", "Walid",
            "Yusuf", "Zeynep", "Anders", "Bruno", "Chen", "Daniel", "Esther", "Fatima", "Gustavo", "Hiroshi", "Ibrahim",
            "Joseph", "Kwame", "Lucia", "Mustafa", "Noor", "Oleg");

    static final List<String> SURNAMES = List.of(
            "Haddad",
            "Nasser",
            "Karimov",
            "Petrov",
            "Mansour",
            "Okafor",
            "Dlamini",
            "Rahimi",
            "Suleiman",
            "Volkov",
            "Barzani",
            "Kovac",
            "Salem",
            "Morales",
            "Tanaka",
            "Lindqvist",
            "Abadi",
            "Chaudhry",
            "Mensah",
            "Farouk",
            "Ortega",
            "Novak",
            "Qureshi",
            "Hamdan",
            "Sadeghi",
            "Bakr",
            "Osei",
            "Zhou",
            "Moreau",
            "Keller",
            "Rossi",
            "Tahir",
            "Yilmaz",
            "Kamau",
            "Sokolov",
            "Amiri",
            "Diallo",
            "Weber",
            "Silva",
            "Khoury");

    /** Who gives casualty figures, as the seeds attribute them. */
    static final List<String> CASUALTY_SOURCES = List.of(
            "activists say",
            "activists said",
            "the UN said",
            "a monitoring group said",
            "state media reported",
            "hospital officials said",
            "the Red Crescent said",
            "opposition groups said",
            "local officials said",
            "medics at the scene said",
            "a rights group said",
            "the health ministry said");

    static final List<String> VICTIMS = List.of(
            "people",
            "civilians",
            "protesters",
            "soldiers",
            "members of the security forces",
            "children",
            "rebels",
            "demonstrators",
            "police officers");

    static final List<String> WEAPONS = List.of(
            "shelling",
            "mortar fire",
            "air strikes",
            "sniper fire",
            "rocket attacks",
            "heavy machine-gun fire",
            "tank fire",
            "a car bomb");

    private static Country country(String name, String demonym, String capital, String... cities) {
        return new Country(name, demonym, capital, List.of(cities));
    }
}
