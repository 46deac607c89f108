namespace Endorse.Readiness;

/// <summary>A reason not to approach an account now. Each is visible, explained and, where it can be, time-bound.</summary>
public enum GateKind
{
    /// <summary>Satisfaction (NPS or CSAT) below the program's threshold.</summary>
    LowSatisfaction = 1,

    /// <summary>Open service escalations.</summary>
    OpenEscalation = 2,

    /// <summary>An open opportunity of at least the program's big-bid amount (from the CRM data).</summary>
    BigBid = 3,

    /// <summary>A reorganisation, set by a person with dates.</summary>
    Reorganisation = 4,

    /// <summary>A renewal within the program's quiet period.</summary>
    RenewalSoon = 5,

    /// <summary>A disclosure permission that forbids any endorsement (no publicity).</summary>
    NoPublicity = 6,

    /// <summary>A hold set by a person (the owner asked to wait, an incident, a merger…), with dates.</summary>
    OnHold = 7,

    /// <summary>Unhappy at the go-live check-in: not asked, but the relationship is kept.</summary>
    UnhappyOnboarding = 8,
}

/// <summary>Words for the gate kinds.</summary>
public static class GateKinds
{
    public static readonly IReadOnlyList<GateKind> All = Enum.GetValues<GateKind>();

    /// <summary>The kinds a person sets (with a start, an end and a reason) and may lift early.</summary>
    public static readonly IReadOnlyList<GateKind> SetByPeople = [GateKind.Reorganisation, GateKind.OnHold, GateKind.UnhappyOnboarding];

    public static bool IsSetByPeople(GateKind kind) => kind is GateKind.Reorganisation or GateKind.OnHold or GateKind.UnhappyOnboarding;

    /// <summary>A short label ("Big bid: 12").</summary>
    public static string Label(GateKind kind) => kind switch
    {
        GateKind.LowSatisfaction => "Low satisfaction",
        GateKind.OpenEscalation => "Open escalation",
        GateKind.BigBid => "Big bid in progress",
        GateKind.Reorganisation => "Reorganisation",
        GateKind.RenewalSoon => "Renewal soon",
        GateKind.NoPublicity => "No-publicity policy",
        GateKind.OnHold => "On hold",
        GateKind.UnhappyOnboarding => "Unhappy at go-live",
        _ => "Gate",
    };
}
