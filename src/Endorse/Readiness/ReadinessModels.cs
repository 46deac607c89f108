namespace Endorse.Readiness;

/// <summary>One gate as a person reads it: kind, label, sentence, the days it covers and when the account is free of it.</summary>
public sealed record GateView(GateKind Kind, string Label, string Sentence, DateOnly? From, DateOnly? Until, DateOnly? FreeOn, int? GateId)
{
    public static GateView Of(Gate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return new(gate.Kind, GateKinds.Label(gate.Kind), gate.Sentence, gate.From, gate.Until, gate.FreeOn, gate.GateId);
    }
}

/// <summary>
/// Whether an account may be approached today; if not, each gate that blocks (why, until when) and the first day it may
/// be approached (null: a gate without an end blocks). <see cref="Upcoming"/> are gates set to start later.
/// </summary>
public sealed record AccountReadiness(int AccountId, string AccountName, DateOnly On, bool Approachable, DateOnly? FreeOn, IReadOnlyList<GateView> Gates, IReadOnlyList<GateView> Upcoming);

/// <summary>Where a gate set by a person stands today.</summary>
public enum GateState
{
    Upcoming = 0,
    Active = 1,
    Ended = 2,
    Lifted = 3,
}

/// <summary>A gate set by a person (or the go-live check-in), with who set and lifted it.</summary>
public sealed record SetGateRow(
    int Id, int AccountId, string AccountName, GateKind Kind, DateOnly StartsOn, DateOnly EndsOn, string Reason, string? SetByName, DateTimeOffset CreatedAt,
    DateOnly? LiftedOn, string? LiftedByName, string? LiftReason, GateState State, DateTimeOffset UpdatedAt);

/// <summary>A gate's CSV line.</summary>
public sealed record SetGateCsvRow(int Id, int AccountId, string AccountName, string Kind, string StartsOn, string EndsOn, string Reason, string? SetBy, string State, string? LiftedOn, string? LiftedBy, string? LiftReason);

/// <summary>A new gate: its kind (Reorganisation or OnHold), first and last day, and why.</summary>
public sealed record GateInput(GateKind? Kind, DateOnly? StartsOn, DateOnly? EndsOn, string? Reason);

/// <summary>Lifting a gate early: why (optional), and the <c>updatedAt</c> read, to refuse a stale lift.</summary>
public sealed record LiftInput(string? Reason = null, DateTimeOffset? UpdatedAt = null);

/// <summary>The filters of the gate list.</summary>
public sealed record GateFilter(int? AccountId = null, GateKind? Kind = null, GateState? State = null, string? Search = null);

/// <summary>An account's readiness today and every gate ever set on it (newest first).</summary>
public sealed record AccountGates(AccountReadiness Readiness, IReadOnlyList<SetGateRow> History, bool MayChange);
