using Endorse.Accounts;

namespace Endorse.Readiness;

/// <summary>
/// One readiness gate of an account: its kind, the days it covers (<see cref="From"/> and <see cref="Until"/> both
/// included; null for "always" and "until further notice") and the facts its sentence names. Built by
/// <see cref="ReadinessRules"/>; matching, discovery, the account and advocate pages read the same <see cref="Sentence"/>.
/// </summary>
public sealed record Gate(GateKind Kind)
{
    public DateOnly? From { get; init; }

    /// <summary>The last gated day; null when it does not end by itself.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Open escalations.</summary>
    public int Count { get; init; }

    public SatisfactionKind SatisfactionKind { get; init; }
    public int? Score { get; init; }

    /// <summary>The satisfaction threshold.</summary>
    public int Limit { get; init; }

    /// <summary>The renewal quiet period in days.</summary>
    public int Days { get; init; }

    public DateOnly? RenewalOn { get; init; }

    /// <summary>The big bid: the opportunity, its amount and currency, the program's threshold and its expected close.</summary>
    public int? OpportunityId { get; init; }

    public string? OpportunityName { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public decimal? Threshold { get; init; }
    public DateOnly? CloseOn { get; init; }

    /// <summary>The <see cref="AccountGate"/> row of a gate set by a person (or by the go-live check-in).</summary>
    public int? GateId { get; init; }

    /// <summary>Why a person set it.</summary>
    public string? Reason { get; init; }

    /// <summary>The first day this gate alone no longer stands in the way; null when it does not end by itself.</summary>
    public DateOnly? FreeOn => Until is { } until && until < DateOnly.MaxValue ? until.AddDays(1) : null;

    public bool Blocks(DateOnly date) => (From is null || date >= From) && (Until is null || date <= Until);

    /// <summary>The sentence a person reads: why, and until when.</summary>
    public string Sentence => ReadinessText.Describe(this);
}

/// <summary>The largest open opportunity of an account (the candidate big bid).</summary>
public sealed record OpenBid(int OpportunityId, string Name, decimal Amount, string? Currency, DateOnly? CloseOn);

/// <summary>A gate row as the rules read it (not lifted; its last day is <see cref="EndsOn"/>).</summary>
public sealed record SetGate(int Id, GateKind Kind, DateOnly StartsOn, DateOnly EndsOn, string Reason);
