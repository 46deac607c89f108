namespace Endorse.Settings;

/// <summary>
/// The reference manager's settings for the whole program, one row: the fatigue policy, the matching weights,
/// and the fulfilment mode of each activity type, each stored as JSON of its rule record.
/// </summary>
public class ProgramSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string? FatiguePolicy { get; set; }
    public string? MatchWeights { get; set; }

    /// <summary>JSON object: activity type → Managed | SelfServe.</summary>
    public string? FulfilmentModes { get; set; }

    /// <summary>JSON of <see cref="SourcingSettings"/>: check-in offsets, the unhappy-onboarding gate, commitment reminders.</summary>
    public string? Sourcing { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
