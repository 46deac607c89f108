namespace Endorse.Import;

/// <summary>
/// Reads whether a deal is open, won or lost from its stage, for exports that carry no won/closed columns (HubSpot's
/// default deals export has "Deal Stage" only). HubSpot's default pipeline and Salesforce's standard stages are known,
/// by label ("Closed Won") and by internal id ("closedwon"); a custom pipeline's stages are read through a person's
/// mapping; failing that, a stage whose words say won or lost is guessed from them, and anything else is open.
/// </summary>
public static class DealStages
{
    /// <summary>The stages Endorse knows, by <see cref="ImportValues.Key"/>: HubSpot's default pipeline (ids and labels) and Salesforce's standard picklist.</summary>
    public static readonly IReadOnlyDictionary<string, DealOutcome> BuiltIn = new Dictionary<string, DealOutcome>(StringComparer.Ordinal)
    {
        // HubSpot's default sales pipeline: internal ids and labels (the key of "Closed Won" is "closedwon" too).
        ["appointmentscheduled"] = DealOutcome.Open,
        ["qualifiedtobuy"] = DealOutcome.Open,
        ["presentationscheduled"] = DealOutcome.Open,
        ["decisionmakerboughtin"] = DealOutcome.Open,
        ["contractsent"] = DealOutcome.Open,
        ["closedwon"] = DealOutcome.Won,
        ["closedlost"] = DealOutcome.Lost,

        // Salesforce's standard opportunity stages.
        ["prospecting"] = DealOutcome.Open,
        ["qualification"] = DealOutcome.Open,
        ["needsanalysis"] = DealOutcome.Open,
        ["valueproposition"] = DealOutcome.Open,
        ["iddecisionmakers"] = DealOutcome.Open,
        ["perceptionanalysis"] = DealOutcome.Open,
        ["proposalpricequote"] = DealOutcome.Open,
        ["negotiationreview"] = DealOutcome.Open,
    };

    private static readonly string[] WonWords = ["won", "win", "gewonnen", "gagne", "gagnee", "ganado", "ganada", "vinto", "vinta", "signed", "booked"];
    private static readonly string[] LostWords = ["lost", "lose", "verloren", "perdu", "perdue", "perdido", "perdida", "perso", "persa", "dead", "disqualified", "cancelled", "canceled"];

    /// <summary>How a stage reads: from a person's mapping first (it may correct a built-in one), then the built-in table, then its words.</summary>
    public static (DealOutcome Outcome, ImportReadingBasis Basis) Read(string? stage, IReadOnlyDictionary<string, DealOutcome>? mappings = null)
    {
        if (string.IsNullOrWhiteSpace(stage))
        {
            return (DealOutcome.Open, ImportReadingBasis.Unknown);
        }

        var key = ImportValues.Key(stage);
        if (mappings is not null && mappings.TryGetValue(key, out var mapped))
        {
            return (mapped, ImportReadingBasis.Mapping);
        }

        if (BuiltIn.TryGetValue(key, out var known))
        {
            return (known, ImportReadingBasis.BuiltIn);
        }

        var words = Contacts.SeniorityInference.Words(stage);
        if (words.Any(w => WonWords.Contains(w, StringComparer.Ordinal)))
        {
            return (DealOutcome.Won, ImportReadingBasis.Guessed);
        }

        if (words.Any(w => LostWords.Contains(w, StringComparer.Ordinal)))
        {
            return (DealOutcome.Lost, ImportReadingBasis.Guessed);
        }

        return (DealOutcome.Open, ImportReadingBasis.Unknown);
    }

    /// <summary>(won, closed) of a deal: the file's own columns where it has them, else the stage's reading.</summary>
    public static (bool IsWon, bool IsClosed) Outcome(DealOutcome fromStage, bool? fileWon, bool? fileClosed)
    {
        var won = fileWon ?? fromStage == DealOutcome.Won;
        var closed = (fileClosed ?? fromStage != DealOutcome.Open) || won;
        return (won, closed);
    }
}
