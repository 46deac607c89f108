namespace Endorse.Contacts;

/// <summary>Infers a seniority tier from a job title ("SVP, Operations" → VP; "Head of IT" → Director).</summary>
public static class SeniorityInference
{
    private static readonly string[] CLevelWords = ["ceo", "cfo", "cio", "cto", "coo", "cmo", "ciso", "cdo", "cro", "cpo", "chief", "president", "founder", "co founder", "managing director", "general manager", "partner"];
    private static readonly string[] VpWords = ["vp", "svp", "evp", "avp", "vice president", "vice-president", "executive director"];
    private static readonly string[] DirectorWords = ["director", "head of", "directeur", "direktor", "principal"];
    private static readonly string[] ManagerWords = ["manager", "lead", "leader", "supervisor", "team lead", "coordinator", "owner"];

    public static SeniorityTier FromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return SeniorityTier.Unknown;
        }

        var words = " " + Normalize(title) + " ";

        // "Vice President" and "Assistant to the CEO" must not read as C-level; check VP first and
        // treat "assistant"/"executive assistant" as practitioner.
        if (ContainsWord(words, "assistant") || ContainsWord(words, "intern"))
        {
            return SeniorityTier.Practitioner;
        }

        if (VpWords.Any(w => ContainsWord(words, w)))
        {
            return SeniorityTier.VicePresident;
        }

        if (CLevelWords.Any(w => ContainsWord(words, w)))
        {
            return SeniorityTier.CLevel;
        }

        if (DirectorWords.Any(w => ContainsWord(words, w)))
        {
            return SeniorityTier.Director;
        }

        if (ManagerWords.Any(w => ContainsWord(words, w)))
        {
            return SeniorityTier.Manager;
        }

        return SeniorityTier.Practitioner;
    }

    private static string Normalize(string title)
    {
        var chars = title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool ContainsWord(string paddedWords, string word) => paddedWords.Contains(" " + word + " ", StringComparison.Ordinal);
}
