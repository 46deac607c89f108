namespace Endorse.Formatting;

/// <summary>
/// The languages a person picks from (ISO 639-1: two-letter codes with their English names). Languages are stored as
/// codes ("de"; an advocate's several as "de,en") and shown by name. <see cref="Parse"/> reads what people and CRMs
/// write: codes, English names, the three-letter codes and the languages' own names of the common ones, in any case.
/// </summary>
public static class Languages
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["aa"] = "Afar",
        ["ab"] = "Abkhazian",
        ["af"] = "Afrikaans",
        ["ak"] = "Akan",
        ["am"] = "Amharic",
        ["an"] = "Aragonese",
        ["ar"] = "Arabic",
        ["as"] = "Assamese",
        ["av"] = "Avaric",
        ["ay"] = "Aymara",
        ["az"] = "Azerbaijani",
        ["ba"] = "Bashkir",
        ["be"] = "Belarusian",
        ["bg"] = "Bulgarian",
        ["bi"] = "Bislama",
        ["bm"] = "Bambara",
        ["bn"] = "Bengali",
        ["bo"] = "Tibetan",
        ["br"] = "Breton",
        ["bs"] = "Bosnian",
        ["ca"] = "Catalan",
        ["ce"] = "Chechen",
        ["ch"] = "Chamorro",
        ["co"] = "Corsican",
        ["cr"] = "Cree",
        ["cs"] = "Czech",
        ["cu"] = "Church Slavic",
        ["cv"] = "Chuvash",
        ["cy"] = "Welsh",
        ["da"] = "Danish",
        ["de"] = "German",
        ["dv"] = "Divehi",
        ["dz"] = "Dzongkha",
        ["ee"] = "Ewe",
        ["el"] = "Greek",
        ["en"] = "English",
        ["eo"] = "Esperanto",
        ["es"] = "Spanish",
        ["et"] = "Estonian",
        ["eu"] = "Basque",
        ["fa"] = "Persian",
        ["ff"] = "Fulah",
        ["fi"] = "Finnish",
        ["fj"] = "Fijian",
        ["fo"] = "Faroese",
        ["fr"] = "French",
        ["fy"] = "Western Frisian",
        ["ga"] = "Irish",
        ["gd"] = "Scottish Gaelic",
        ["gl"] = "Galician",
        ["gn"] = "Guarani",
        ["gu"] = "Gujarati",
        ["gv"] = "Manx",
        ["ha"] = "Hausa",
        ["he"] = "Hebrew",
        ["hi"] = "Hindi",
        ["ho"] = "Hiri Motu",
        ["hr"] = "Croatian",
        ["ht"] = "Haitian Creole",
        ["hu"] = "Hungarian",
        ["hy"] = "Armenian",
        ["hz"] = "Herero",
        ["ia"] = "Interlingua",
        ["id"] = "Indonesian",
        ["ie"] = "Interlingue",
        ["ig"] = "Igbo",
        ["ii"] = "Sichuan Yi",
        ["ik"] = "Inupiaq",
        ["io"] = "Ido",
        ["is"] = "Icelandic",
        ["it"] = "Italian",
        ["iu"] = "Inuktitut",
        ["ja"] = "Japanese",
        ["jv"] = "Javanese",
        ["ka"] = "Georgian",
        ["kg"] = "Kongo",
        ["ki"] = "Kikuyu",
        ["kj"] = "Kuanyama",
        ["kk"] = "Kazakh",
        ["kl"] = "Greenlandic",
        ["km"] = "Khmer",
        ["kn"] = "Kannada",
        ["ko"] = "Korean",
        ["kr"] = "Kanuri",
        ["ks"] = "Kashmiri",
        ["ku"] = "Kurdish",
        ["kv"] = "Komi",
        ["kw"] = "Cornish",
        ["ky"] = "Kyrgyz",
        ["la"] = "Latin",
        ["lb"] = "Luxembourgish",
        ["lg"] = "Ganda",
        ["li"] = "Limburgish",
        ["ln"] = "Lingala",
        ["lo"] = "Lao",
        ["lt"] = "Lithuanian",
        ["lu"] = "Luba-Katanga",
        ["lv"] = "Latvian",
        ["mg"] = "Malagasy",
        ["mh"] = "Marshallese",
        ["mi"] = "Maori",
        ["mk"] = "Macedonian",
        ["ml"] = "Malayalam",
        ["mn"] = "Mongolian",
        ["mr"] = "Marathi",
        ["ms"] = "Malay",
        ["mt"] = "Maltese",
        ["my"] = "Burmese",
        ["na"] = "Nauru",
        ["nb"] = "Norwegian Bokmål",
        ["nd"] = "North Ndebele",
        ["ne"] = "Nepali",
        ["ng"] = "Ndonga",
        ["nl"] = "Dutch",
        ["nn"] = "Norwegian Nynorsk",
        ["no"] = "Norwegian",
        ["nr"] = "South Ndebele",
        ["nv"] = "Navajo",
        ["ny"] = "Chichewa",
        ["oc"] = "Occitan",
        ["oj"] = "Ojibwa",
        ["om"] = "Oromo",
        ["or"] = "Odia",
        ["os"] = "Ossetian",
        ["pa"] = "Punjabi",
        ["pi"] = "Pali",
        ["pl"] = "Polish",
        ["ps"] = "Pashto",
        ["pt"] = "Portuguese",
        ["qu"] = "Quechua",
        ["rm"] = "Romansh",
        ["rn"] = "Rundi",
        ["ro"] = "Romanian",
        ["ru"] = "Russian",
        ["rw"] = "Kinyarwanda",
        ["sa"] = "Sanskrit",
        ["sc"] = "Sardinian",
        ["sd"] = "Sindhi",
        ["se"] = "Northern Sami",
        ["sg"] = "Sango",
        ["si"] = "Sinhala",
        ["sk"] = "Slovak",
        ["sl"] = "Slovenian",
        ["sm"] = "Samoan",
        ["sn"] = "Shona",
        ["so"] = "Somali",
        ["sq"] = "Albanian",
        ["sr"] = "Serbian",
        ["ss"] = "Swati",
        ["st"] = "Southern Sotho",
        ["su"] = "Sundanese",
        ["sv"] = "Swedish",
        ["sw"] = "Swahili",
        ["ta"] = "Tamil",
        ["te"] = "Telugu",
        ["tg"] = "Tajik",
        ["th"] = "Thai",
        ["ti"] = "Tigrinya",
        ["tk"] = "Turkmen",
        ["tl"] = "Tagalog",
        ["tn"] = "Tswana",
        ["to"] = "Tongan",
        ["tr"] = "Turkish",
        ["ts"] = "Tsonga",
        ["tt"] = "Tatar",
        ["tw"] = "Twi",
        ["ty"] = "Tahitian",
        ["ug"] = "Uyghur",
        ["uk"] = "Ukrainian",
        ["ur"] = "Urdu",
        ["uz"] = "Uzbek",
        ["ve"] = "Venda",
        ["vi"] = "Vietnamese",
        ["vo"] = "Volapük",
        ["wa"] = "Walloon",
        ["wo"] = "Wolof",
        ["xh"] = "Xhosa",
        ["yi"] = "Yiddish",
        ["yo"] = "Yoruba",
        ["za"] = "Zhuang",
        ["zh"] = "Chinese",
        ["zu"] = "Zulu",
    };

    /// <summary>Other ways the common languages are written: ISO 639-2 codes and their own names.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eng"] = "en",
        ["deu"] = "de",
        ["ger"] = "de",
        ["deutsch"] = "de",
        ["fra"] = "fr",
        ["fre"] = "fr",
        ["français"] = "fr",
        ["francais"] = "fr",
        ["spa"] = "es",
        ["español"] = "es",
        ["espanol"] = "es",
        ["castellano"] = "es",
        ["ita"] = "it",
        ["italiano"] = "it",
        ["nld"] = "nl",
        ["dut"] = "nl",
        ["nederlands"] = "nl",
        ["flemish"] = "nl",
        ["por"] = "pt",
        ["português"] = "pt",
        ["portugues"] = "pt",
        ["pol"] = "pl",
        ["polski"] = "pl",
        ["swe"] = "sv",
        ["svenska"] = "sv",
        ["dan"] = "da",
        ["dansk"] = "da",
        ["nor"] = "no",
        ["norsk"] = "no",
        ["fin"] = "fi",
        ["suomi"] = "fi",
        ["jpn"] = "ja",
        ["zho"] = "zh",
        ["chi"] = "zh",
        ["mandarin"] = "zh",
        ["rus"] = "ru",
        ["ces"] = "cs",
        ["cze"] = "cs",
        ["čeština"] = "cs",
        ["tur"] = "tr",
        ["türkçe"] = "tr",
        ["ara"] = "ar",
        ["heb"] = "he",
        ["hin"] = "hi",
        ["kor"] = "ko",
        ["ell"] = "el",
        ["gre"] = "el",
        ["hun"] = "hu",
        ["magyar"] = "hu",
        ["ron"] = "ro",
        ["rum"] = "ro",
        ["română"] = "ro",
        ["ukr"] = "uk",
        ["cat"] = "ca",
        ["català"] = "ca",
        ["farsi"] = "fa",
        ["iw"] = "he",
        ["in"] = "id",
        ["bahasa"] = "id",
        ["filipino"] = "tl",
        ["gaelic"] = "gd",
        ["slovenščina"] = "sl",
        ["castilian"] = "es",
        ["moldovan"] = "ro",
    };

    private static readonly Dictionary<string, string> ByName = Names.ToDictionary(n => n.Value, n => n.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every language, by English name: (code, name).</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } = [.. Names.OrderBy(n => n.Value, StringComparer.Ordinal).Select(n => (n.Key, n.Value))];

    public static bool IsCode(string? code) => code is not null && Names.ContainsKey(code);

    /// <summary>The English name of a code ("de" → "German"); an unknown code as it is.</summary>
    public static string Name(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Names.TryGetValue(code, out var name) ? name : code;
    }

    /// <summary>The code of a language written as a code, an English name or a common alias ("German", "DE", "deu", "Deutsch" → "de"); null if unknown.</summary>
    public static string? Code(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();

        // A region-qualified tag ("en-GB", "pt_BR") counts as its language.
        if (t.Length == 5 && t[2] is '-' or '_')
        {
            t = t[..2];
        }

        var lower = t.ToLowerInvariant();
        if (Names.ContainsKey(lower))
        {
            return lower;
        }

        return ByName.TryGetValue(t, out var code) ? code : Aliases.GetValueOrDefault(t);
    }

    /// <summary>
    /// Reads a list of languages as people write it ("en, de", "English", "English, German", "English; German / French"):
    /// the codes in the order written without repeats, and the parts that name no language.
    /// </summary>
    public static LanguageList Parse(string? text)
    {
        var codes = new List<string>();
        var unknown = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new LanguageList(codes, unknown);
        }

        foreach (var part in text.Split([',', ';', '/', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var piece in SplitAnd(part))
            {
                if (Code(piece) is { } code)
                {
                    if (!codes.Contains(code))
                    {
                        codes.Add(code);
                    }
                }
                else
                {
                    unknown.Add(piece);
                }
            }
        }

        return new LanguageList(codes, unknown);
    }

    /// <summary>The stored form of several languages: codes joined by commas ("de,en"); null for none.</summary>
    public static string? Store(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var list = codes.Where(IsCode).Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    /// <summary>The codes of a stored list ("de,en" → ["de", "en"]), reading older free text too.</summary>
    public static IReadOnlyList<string> Codes(string? stored) => Parse(stored).Codes;

    /// <summary>"German, English": a stored list by name.</summary>
    public static string Describe(string? stored) => string.Join(", ", Codes(stored).Select(Name));

    /// <summary>"English and German" written with "and" or "&amp;" is two languages; "Norwegian Bokmål" stays one.</summary>
    private static IEnumerable<string> SplitAnd(string part)
    {
        if (Code(part) is not null)
        {
            return [part];
        }

        var pieces = part.Split([" and ", " & ", " + "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return pieces.Length > 1 ? pieces : [part];
    }
}

/// <summary>Languages read from text: the codes found, and what named no language.</summary>
public sealed record LanguageList(IReadOnlyList<string> Codes, IReadOnlyList<string> Unknown)
{
    public bool IsValid => Unknown.Count == 0;
}

/// <summary>The sentences about languages that pages, the API and imports share.</summary>
public static class LanguageText
{
    /// <summary>The name of a stored code or tag ("de" → "German", "en-GB" → "English"); unknown text as it is.</summary>
    public static string Name(string codeOrText) => Languages.Code(codeOrText) is { } code ? Languages.Name(code) : codeOrText;

    public static string Unknown(string text) =>
        $"“{text.Trim()}” is not a language Endorse knows. Pick one from the list, by name (German) or ISO 639-1 code (de).";

    public static string Unknown(IEnumerable<string> parts) =>
        parts.ToList() is { Count: 1 } one ? Unknown(one[0])
            : $"{string.Join(", ", parts.Select(p => $"“{p.Trim()}”"))} are not languages Endorse knows. Pick them from the list, by name (German) or ISO 639-1 code (de).";
}
