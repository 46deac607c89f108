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

    /// <summary>JSON of <c>Endorse.Nominations.PoolRulesSettings</c>: who draws on which advocates, how long a pocket reference stays reserved.</summary>
    public string? PoolRules { get; set; }

    /// <summary>JSON of <c>Endorse.Objections.ServiceEscalationSettings</c>: when service-problem objections make an episode.</summary>
    public string? ServiceEscalation { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
