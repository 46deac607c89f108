using Endorse.Accounts;
using Endorse.Advocates;

namespace Endorse.Fatigue;

/// <summary>The advocate being checked.</summary>
public sealed record AdvocateState(int AdvocateId, AdvocateStatus Status, DateOnly? RestingUntil = null);

/// <summary>The facts about the advocate's account that the rest rules read.</summary>
public sealed record AccountState(int AccountId)
{
    public int OpenEscalations { get; init; }
    public SatisfactionKind SatisfactionKind { get; init; }
    public int? SatisfactionScore { get; init; }
    public DateOnly? RenewalOn { get; init; }
    public DisclosurePermission DisclosurePermission { get; init; } = DisclosurePermission.NamedPublic;

    /// <summary>The largest open opportunity (a big bid when at or above the policy's amount); null when there is none.</summary>
    public Readiness.OpenBid? LargestOpenBid { get; init; }

    /// <summary>Gates set by people or the go-live check-in that are not lifted (reorganisation, hold, unhappy at go-live).</summary>
    public IReadOnlyList<Readiness.SetGate> Gates { get; init; } = [];
}

/// <summary>
/// An activity that counts against caps: completed ones and booked (scheduled, possibly future) ones; not
/// cancelled or declined ones. Pass the advocate's activities and their account's.
/// </summary>
public readonly record struct ActivityRecord(DateOnly Date, ActivityType ActivityType, int AdvocateId, int AccountId);
