using System.Globalization;
using System.Text;

namespace Endorse.Contacts;

/// <summary>
/// Infers a seniority tier from a job title as a European customer base writes it: English, French, German, Spanish,
/// Italian and Dutch ("SVP, Operations" → VP; "Directrice générale" → C-level; "Abteilungsleiter Einkauf" → Director;
/// "Jefe de proyecto" → Manager). Accents, case and punctuation are ignored.
/// </summary>
/// <remarks>
/// The title is read as words. A rule is a phrase of whole words ("directeur general"), or, for languages that glue
/// words together, the end or start of one word ("*leiter" matches "Vertriebsleiter"; "geschaftsfuhr*" matches
/// "Geschäftsführerin"); for such a word the longest matching end or start wins ("*teamleiter" before "*leiter").
/// When rules of several tiers match, the order is: a practitioner word (assistant, intern…) wins, then VP (so
/// "Vice-président" is not read as "président"), then C-level, Director and Manager. A deputy word (deputy, adjoint,
/// stellvertretender…) makes a C-level title VP. No rule matching is Practitioner.
/// </remarks>
public static class SeniorityInference
{
    /// <summary>The rules, by tier: a phrase of whole words, "*end" of a word or "start*" of a word. The tested table.</summary>
    public static readonly IReadOnlyList<(string Rule, SeniorityTier Tier)> Rules = BuildRules();

    /// <summary>Words that make a title Practitioner whatever else it says ("Executive Assistant to the CEO").</summary>
    private static readonly string[] PractitionerWords =
    [
        "assistant", "assistante", "assistent", "assistentin", "asistente", "assistente", "intern", "internship", "trainee",
        "stagiaire", "alternant", "alternante", "apprenti", "apprentie", "praktikant", "praktikantin", "werkstudent",
        "werkstudentin", "auszubildender", "auszubildende", "azubi", "becario", "becaria", "stagista", "tirocinante", "stagiair",
    ];

    /// <summary>Words that make a C-level title a deputy's, read as VP ("Directeur général adjoint", "Deputy CEO").</summary>
    private static readonly string[] DeputyWords = ["deputy", "adjoint", "adjointe", "stellvertretender", "stellvertretende", "stv", "vice", "vize", "sostituto"];

    private static readonly SeniorityTier[] Precedence = [SeniorityTier.VicePresident, SeniorityTier.CLevel, SeniorityTier.Director, SeniorityTier.Manager];

    private static readonly Compiled Table = Compile(Rules);

    public static SeniorityTier FromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return SeniorityTier.Unknown;
        }

        var words = Words(title);
        if (words.Length == 0)
        {
            return SeniorityTier.Unknown;
        }

        // "Assistant Vice President" is a VP title (a bank's first VP rank), not an assistant's.
        if (!ContainsPhrase(words, ["assistant", "vice", "president"]) && words.Any(w => PractitionerWords.Contains(w, StringComparer.Ordinal)))
        {
            return SeniorityTier.Practitioner;
        }

        var matched = new HashSet<SeniorityTier>();
        foreach (var (phrase, tier) in Table.Phrases)
        {
            if (!matched.Contains(tier) && ContainsPhrase(words, phrase))
            {
                matched.Add(tier);
            }
        }

        foreach (var word in words)
        {
            if (Table.AffixTier(word) is { } tier)
            {
                matched.Add(tier);
            }
        }

        foreach (var tier in Precedence)
        {
            if (matched.Contains(tier))
            {
                return tier == SeniorityTier.CLevel && words.Any(w => DeputyWords.Contains(w, StringComparer.Ordinal)) ? SeniorityTier.VicePresident : tier;
            }
        }

        return SeniorityTier.Practitioner;
    }

    /// <summary>The title as lower-case words without accents: "Directrice générale" → ["directrice", "generale"].</summary>
    public static string[] Words(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var decomposed = title.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'ß':
                    text.Append("ss");
                    break;
                case 'æ':
                    text.Append("ae");
                    break;
                case 'œ':
                    text.Append("oe");
                    break;
                case 'ø':
                    text.Append('o');
                    break;
                default:
                    var category = CharUnicodeInfo.GetUnicodeCategory(c);
                    if (category == UnicodeCategory.NonSpacingMark)
                    {
                        break;
                    }

                    text.Append(char.IsLetterOrDigit(c) ? c : ' ');
                    break;
            }
        }

        return text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool ContainsPhrase(string[] words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Length && all; i++)
            {
                all = string.Equals(words[start + i], phrase[i], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static List<(string, SeniorityTier)> BuildRules()
    {
        var rules = new List<(string, SeniorityTier)>();
        void Add(SeniorityTier tier, params string[] patterns) => rules.AddRange(patterns.Select(p => (p, tier)));

        // C-level
        Add(
            SeniorityTier.CLevel,
            "ceo", "cfo", "cio", "cto", "coo", "cmo", "ciso", "cdo", "cro", "cpo", "chief", "president", "founder", "co founder", "cofounder",
            "managing director", "general manager", "partner", "chairman", "chairwoman", "chairperson", "board member");

        // French: PDG, directeur/directrice général(e), gérant(e), président(e), fondateur, associé.
        Add(
            SeniorityTier.CLevel,
            "pdg", "dg", "directeur general", "directrice generale", "president directeur general", "presidente", "gerant", "gerante",
            "fondateur", "fondatrice", "cofondateur", "cofondatrice", "co fondateur", "co fondatrice", "associe gerant", "directeur general delegue");

        // German: Geschäftsführer(in), Vorstand, Vorsitzende(r), Inhaber(in), Gründer(in), Gesellschafter, Geschäftsleitung.
        Add(
            SeniorityTier.CLevel,
            "geschaftsfuhr*", "vorstand*", "vorsitzender", "vorsitzende", "inhaber", "inhaberin", "grunder", "grunderin", "mitgrunder", "mitgrunderin",
            "gesellschafter", "gesellschafterin", "*geschaftsleitung", "*geschaftsleiter", "*geschaftsleiterin");

        // Spanish: director(a) general, consejero/a delegado/a, director(a) ejecutivo/a, presidente, fundador(a), gerente general.
        Add(
            SeniorityTier.CLevel,
            "director general", "directora general", "consejero delegado", "consejera delegada", "director ejecutivo", "directora ejecutiva",
            "fundador", "fundadora", "cofundador", "cofundadora", "gerente general", "socio director", "socia directora", "socio fundador");

        // Italian: amministratore delegato, direttore/direttrice generale, titolare, fondatore, consigliere delegato.
        Add(
            SeniorityTier.CLevel,
            "amministratore delegato", "amministratrice delegata", "direttore generale", "direttrice generale", "titolare", "fondatore",
            "consigliere delegato", "amministratore unico");

        // Dutch: algemeen directeur, statutair directeur, directeur-eigenaar, bestuurder, (bestuurs)voorzitter, oprichter, eigenaar.
        Add(
            SeniorityTier.CLevel,
            "algemeen directeur", "algemeen directrice", "statutair directeur", "directeur eigenaar", "bestuurder", "bestuursvoorzitter", "voorzitter",
            "oprichter", "medeoprichter", "mede oprichter", "eigenaar", "eigenaresse");

        // VP
        Add(
            SeniorityTier.VicePresident,
            "vp", "svp", "evp", "avp", "vice president", "vice presidente", "vicepresident", "vicepresidente", "vicepresidenta", "vice presidenta", "vize prasident", "vizeprasident*",
            "executive director", "senior vice president", "vice presidentessa", "vicevoorzitter");

        // German division heads (Bereichsleiter) rank above department heads.
        Add(SeniorityTier.VicePresident, "*bereichsleiter", "*bereichsleiterin", "*bereichsleitung", "*hauptabteilungsleiter", "*hauptabteilungsleiterin", "*divisionsleiter");

        // Director
        Add(
            SeniorityTier.Director,
            "director", "head of", "head", "principal", "directeur", "directrice", "direktor*", "directora", "direttore", "direttrice", "dirigente",
            "prokurist", "prokuristin", "hoofd", "*hoofd", "afdelingsleider", "afdelingsleidster");

        // German "Leiter" (head of), alone or glued to what is led: Vertriebsleiter, IT-Leiterin, Leitung Einkauf.
        Add(SeniorityTier.Director, "leiter", "leiterin", "leitung", "*leiter", "*leiterin", "*leitung", "*fachbereichsleiter", "*fachbereichsleiterin");

        // Manager
        Add(
            SeniorityTier.Manager,
            "manager", "lead", "leader", "supervisor", "team lead", "coordinator", "owner", "managerin",
            "responsable", "chef de", "chef d", "cheffe de", "cheffe d", "jefe", "jefa", "gerente", "coordinador", "coordinadora",
            "supervisora", "responsabile", "capo", "coordinatore", "coordinatrice", "capoprogetto", "capoufficio", "capoarea", "caporeparto",
            "teamleider", "teamleidster", "*leider", "*leidster", "leidinggevende");

        // German team, group, project and shift leads are managers: the longer word end wins over "*leiter".
        Add(
            SeniorityTier.Manager,
            "*teamleiter", "*teamleiterin", "*teamleitung", "*gruppenleiter", "*gruppenleiterin", "*gruppenleitung", "*projektleiter",
            "*projektleiterin", "*projektleitung", "*schichtleiter", "*schichtleiterin", "*filialleiter", "*filialleiterin", "*bauleiter", "*bauleiterin");

        return rules;
    }

    private static Compiled Compile(IReadOnlyList<(string Rule, SeniorityTier Tier)> rules)
    {
        var phrases = new List<(string[], SeniorityTier)>();
        var ends = new List<(string, SeniorityTier)>();
        var starts = new List<(string, SeniorityTier)>();
        foreach (var (rule, tier) in rules)
        {
            if (rule.StartsWith('*'))
            {
                ends.Add((rule[1..], tier));
            }
            else if (rule.EndsWith('*'))
            {
                starts.Add((rule[..^1], tier));
            }
            else
            {
                phrases.Add((rule.Split(' '), tier));
            }
        }

        return new Compiled(phrases, ends, starts);
    }

    private sealed class Compiled(List<(string[] Words, SeniorityTier Tier)> phrases, List<(string End, SeniorityTier Tier)> ends, List<(string Start, SeniorityTier Tier)> starts)
    {
        public List<(string[] Words, SeniorityTier Tier)> Phrases { get; } = phrases;

        /// <summary>The tier of the longest rule that matches the end or start of <paramref name="word"/>, if any.</summary>
        public SeniorityTier? AffixTier(string word)
        {
            SeniorityTier? best = null;
            var length = 0;
            foreach (var (end, tier) in ends)
            {
                if (end.Length > length && word.EndsWith(end, StringComparison.Ordinal))
                {
                    (best, length) = (tier, end.Length);
                }
            }

            foreach (var (start, tier) in starts)
            {
                if (start.Length > length && word.StartsWith(start, StringComparison.Ordinal))
                {
                    (best, length) = (tier, start.Length);
                }
            }

            return best;
        }
    }
}
