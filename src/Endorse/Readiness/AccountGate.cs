using Endorse.Audit;

namespace Endorse.Readiness;

/// <summary>
/// A gate a person set on an account (a reorganisation, a hold) or the go-live check-in set (unhappy at go-live): from
/// a day, to a day (both included), with a reason. It can be lifted early; it is never deleted, so the account keeps
/// its history. Every change is audited.
/// </summary>
public class AccountGate : IAudited
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public GateKind Kind { get; set; }

    /// <summary>The first day the account is not to be approached.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The last day (the gate expires after it).</summary>
    public DateOnly EndsOn { get; set; }

    public required string Reason { get; set; }

    public string? SetById { get; set; }
    public string? SetByName { get; set; }

    /// <summary>The day it was lifted early (it stops gating that day); null while it runs its course.</summary>
    public DateOnly? LiftedOn { get; set; }

    public string? LiftedById { get; set; }
    public string? LiftedByName { get; set; }
    public string? LiftReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The last day it gates: the day before it was lifted, or its end.</summary>
    public DateOnly LastDay => LiftedOn is { } lifted && lifted <= EndsOn ? lifted.AddDays(-1) : EndsOn;
}
