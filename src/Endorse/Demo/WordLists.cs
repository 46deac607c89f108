using Endorse.Contacts;

namespace Endorse.Demo;

/// <summary>The words the generator builds company and person names and job titles from.</summary>
internal static class WordLists
{
    public static readonly string[] CompanyStems =
    [
        "North", "South", "East", "West", "Blue", "Green", "Red", "Silver", "Golden", "Iron", "Stone", "River", "Lake",
        "Summit", "Peak", "Harbor", "Bridge", "Oak", "Pine", "Maple", "Cedar", "Willow", "Falcon", "Eagle", "Hawk",
        "Lion", "Fox", "Bear", "Wolf", "Star", "Sun", "Moon", "Bright", "Clear", "True", "Prime", "First", "United",
        "Pacific", "Atlantic", "Alpine", "Coastal", "Meridian", "Keystone", "Crescent", "Horizon", "Pioneer", "Liberty",
        "Heritage", "Vertex", "Apex", "Nova", "Orion", "Atlas", "Titan", "Vector", "Quantum", "Zenith", "Sterling", "Granite",
    ];

    public static readonly string[] CompanyTails =
    [
        "field", "bridge", "gate", "wood", "stone", "crest", "point", "view", "ridge", "haven", "brook", "mark", "line",
        "way", "port", "wick", "ford", "dale", "vale", "shore", "well", "spring", "land", "ton", "berg", "hill",
    ];

    public static readonly string[] Places =
    [
        "Boston", "Denver", "Austin", "Seattle", "Phoenix", "Atlanta", "Chicago", "Toronto", "Vancouver", "Monterrey", "Santiago",
        "Lisbon", "Madrid", "Milan", "Lyon", "Hamburg", "Munich", "Zurich", "Vienna", "Leeds", "Dublin", "Oslo", "Malmo", "Utrecht",
        "Antwerp", "Krakow", "Dubai", "Cape Town", "Haifa", "Osaka", "Busan", "Perth", "Auckland", "Pune", "Sydney", "Lagos",
    ];

    public static readonly string[] LegalSuffixes = ["", "", "", "", "Inc.", "Ltd", "GmbH", "AG", "S.A.", "Group", "Holdings", "plc", "LLC", "& Co."];

    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa",
        "Anthony", "Betty", "Mark", "Sandra", "Paul", "Ashley", "Steven", "Emily", "Andrew", "Michelle", "Joshua", "Amanda",
        "Kevin", "Melissa", "Brian", "Stephanie", "George", "Rebecca", "Timothy", "Laura", "Jason", "Sharon", "Ryan", "Cynthia",
        "Jacob", "Kathleen", "Nicholas", "Amy", "Eric", "Angela", "Jonathan", "Anna", "Stephen", "Nicole", "Larry", "Emma",
        "Lukas", "Sophie", "Jonas", "Léa", "Mathias", "Chloé", "Hugo", "Inès", "Matteo", "Giulia", "Alejandro", "Lucía",
        "João", "Beatriz", "Mateo", "Valentina", "Santiago", "Camila", "Björn", "Ingrid", "Søren", "Astrid", "Jan", "Agnieszka",
        "Hiroshi", "Yuki", "Haruto", "Sakura", "Min-jun", "Seo-yeon", "Arjun", "Priya", "Rahul", "Ananya", "Wei", "Mei",
        "Omar", "Fatima", "Yusuf", "Aisha", "Noa", "Ariel", "Thabo", "Lerato", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Mia",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
        "Mitchell", "Carter", "Roberts", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Dubois", "Lefèvre", "Moreau", "Laurent", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Fernández", "González",
        "Silva", "Santos", "Oliveira", "Pereira", "Costa", "Andersson", "Johansson", "Nielsen", "Hansen", "Jensen", "Larsen",
        "Kowalski", "Nowak", "Wiśniewski", "de Vries", "van Dijk", "Janssens", "O'Brien", "Murphy", "Kelly", "Sato", "Suzuki",
        "Takahashi", "Tanaka", "Kim", "Park", "Choi", "Sharma", "Patel", "Gupta", "Singh", "Iyer", "Chen", "Wang", "Li", "Zhang",
        "Haddad", "Khalil", "Cohen", "Levi", "Mokoena", "Dlamini", "Okafor", "Adeyemi", "Walsh", "Byrne",
    ];

    public static readonly string[] Departments =
    [
        "IT", "Operations", "Finance", "Marketing", "Sales", "Customer Service", "Procurement", "Human Resources", "Engineering",
        "Data & Analytics", "Digital Transformation", "Supply Chain", "Information Security", "Product", "Compliance",
    ];

    /// <summary>Title templates per tier; "{0}" is a department. Each one must infer to its tier.</summary>
    public static readonly IReadOnlyDictionary<SeniorityTier, string[]> Titles = new Dictionary<SeniorityTier, string[]>
    {
        [SeniorityTier.CLevel] = ["Chief Executive Officer", "CEO", "CFO", "Chief Information Officer", "CIO", "CTO", "Chief Operating Officer", "Chief Marketing Officer", "CISO", "Chief Data Officer", "President", "Managing Director", "Founder & CEO"],
        [SeniorityTier.VicePresident] = ["VP {0}", "Vice President, {0}", "SVP {0}", "EVP, {0}", "Senior Vice President {0}", "AVP {0}"],
        [SeniorityTier.Director] = ["Director of {0}", "{0} Director", "Head of {0}", "Senior Director, {0}", "Principal {0} Architect"],
        [SeniorityTier.Manager] = ["{0} Manager", "Senior {0} Manager", "{0} Team Lead", "{0} Program Manager", "{0} Supervisor", "{0} Coordinator"],
        [SeniorityTier.Practitioner] = ["{0} Analyst", "Senior {0} Specialist", "{0} Engineer", "{0} Consultant", "{0} Administrator", "{0} Associate", "Business Analyst", "Software Developer", "Data Scientist", "Executive Assistant"],
    };

    /// <summary>
    /// Titles as customers in Germany, France, Spain, Italy and the Netherlands write them, per tier; about half of the
    /// contacts there carry one. Each one must infer to its tier.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<SeniorityTier, string[]>> LocalTitles = new Dictionary<string, IReadOnlyDictionary<SeniorityTier, string[]>>
    {
        ["German"] = new Dictionary<SeniorityTier, string[]>
        {
            [SeniorityTier.CLevel] = ["Geschäftsführer", "Geschäftsführerin", "Vorstandsvorsitzender", "Mitglied des Vorstands", "Kaufmännische Geschäftsführerin"],
            [SeniorityTier.VicePresident] = ["Bereichsleiter Vertrieb", "Bereichsleiterin IT", "Stellvertretender Geschäftsführer", "Vizepräsident Finanzen"],
            [SeniorityTier.Director] = ["Leiter IT", "Abteilungsleiterin Einkauf", "Vertriebsleiter DACH", "Leitung Marketing", "Direktor Personal"],
            [SeniorityTier.Manager] = ["Teamleiter Kundenservice", "Projektleiterin", "Gruppenleiter Logistik", "Teamleitung Controlling"],
            [SeniorityTier.Practitioner] = ["Sachbearbeiterin Buchhaltung", "Referent Datenschutz", "Softwareentwickler", "Systemadministratorin"],
        },
        ["French"] = new Dictionary<SeniorityTier, string[]>
        {
            [SeniorityTier.CLevel] = ["Directrice générale", "Directeur général", "Président-directeur général", "Gérant"],
            [SeniorityTier.VicePresident] = ["Directeur général adjoint", "Vice-présidente Ventes", "Vice-président Opérations"],
            [SeniorityTier.Director] = ["Directeur commercial", "Directrice des systèmes d'information", "Directeur financier adjoint", "Directrice marketing"],
            [SeniorityTier.Manager] = ["Responsable des achats", "Chef de projet", "Responsable informatique", "Cheffe d'équipe support"],
            [SeniorityTier.Practitioner] = ["Ingénieure logiciel", "Chargé de clientèle", "Comptable", "Analyste financier"],
        },
        ["Spanish"] = new Dictionary<SeniorityTier, string[]>
        {
            [SeniorityTier.CLevel] = ["Director General", "Directora General", "Consejero Delegado", "Gerente General"],
            [SeniorityTier.VicePresident] = ["Vicepresidente de Operaciones", "Vicepresidenta Comercial", "Vicepresidente de Finanzas"],
            [SeniorityTier.Director] = ["Directora de Marketing", "Director de Sistemas", "Director Comercial", "Directora Financiera"],
            [SeniorityTier.Manager] = ["Jefe de Compras", "Jefa de Proyecto", "Responsable de Calidad", "Coordinadora de Logística"],
            [SeniorityTier.Practitioner] = ["Analista de Datos", "Técnico de Sistemas", "Contable", "Ingeniera de Software"],
        },
        ["Italian"] = new Dictionary<SeniorityTier, string[]>
        {
            [SeniorityTier.CLevel] = ["Amministratore delegato", "Amministratrice delegata", "Direttore Generale", "Presidente"],
            [SeniorityTier.VicePresident] = ["Vicepresidente", "Vice Direttore Generale", "Vicepresidente Vendite"],
            [SeniorityTier.Director] = ["Direttrice Commerciale", "Direttore IT", "Dirigente Area Tecnica", "Direttore Acquisti"],
            [SeniorityTier.Manager] = ["Responsabile IT", "Responsabile Acquisti", "Capo progetto", "Coordinatrice di reparto"],
            [SeniorityTier.Practitioner] = ["Impiegata amministrativa", "Analista", "Sviluppatore software", "Tecnico informatico"],
        },
        ["Dutch"] = new Dictionary<SeniorityTier, string[]>
        {
            [SeniorityTier.CLevel] = ["Algemeen directeur", "Algemeen Directrice", "Directeur-eigenaar", "Voorzitter Raad van Bestuur"],
            [SeniorityTier.VicePresident] = ["Vicepresident Sales", "Vice-voorzitter", "Vicevoorzitter Raad van Bestuur"],
            [SeniorityTier.Director] = ["Directeur Operations", "Hoofd ICT", "Afdelingshoofd Financiën", "Hoofd Inkoop"],
            [SeniorityTier.Manager] = ["Teamleider Klantenservice", "Projectleider", "Coördinator Inkoop", "Manager Logistiek"],
            [SeniorityTier.Practitioner] = ["Medewerker Administratie", "Beleidsadviseur", "Softwareontwikkelaar", "Accountmedewerker"],
        },
    };

    public static readonly string[] OpportunityKinds = ["New business", "Expansion", "Renewal", "Upsell", "Add-on", "Migration", "Pilot"];

    public static readonly (string Stage, bool Closed, bool Won)[] OpenStages =
    [
        ("Prospecting", false, false), ("Qualification", false, false), ("Needs Analysis", false, false),
        ("Value Proposition", false, false), ("Proposal/Price Quote", false, false), ("Negotiation/Review", false, false),
    ];
}
