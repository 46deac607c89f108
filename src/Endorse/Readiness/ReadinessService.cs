using System.Globalization;
using System.Runtime.CompilerServices;
using Endorse.Accounts;
using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Listing;
using Endorse.Outcomes;
using Endorse.Settings;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Readiness;

/// <summary>
/// Whether accounts may be approached now, and the gates people set on them. The account page, the API and nominations
/// ask here; matching and discovery apply the same <see cref="ReadinessRules"/> to the same facts.
/// </summary>
public sealed class ReadinessService(EndorseDbContext db, AccountService accounts, TimeProvider clock, AccountSignals signals)
{
    /// <summary>At most this many accounts a call of <see cref="EvaluateManyAsync"/>.</summary>
    public const int MaxMany = 500;

    /// <summary>A gate a person sets lasts at most this long (set a new one when it ends).</summary>
    public const int MaxGateDays = 1096;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Whether the account may be approached today, and why not; null when it does not exist.</summary>
    public async Task<AccountReadiness?> EvaluateAsync(int accountId, CancellationToken cancellationToken = default)
    {
        var many = await EvaluateManyAsync([accountId], cancellationToken);
        return many.Count == 0 ? null : many[0];
    }

    /// <summary>The readiness of many accounts at once (unknown ids are left out), in the order asked.</summary>
    public async Task<IReadOnlyList<AccountReadiness>> EvaluateManyAsync(IReadOnlyCollection<int> accountIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var policy = await new ProgramSettingsService(db, clock).FatiguePolicyAsync(cancellationToken);
        var states = await ReadinessQueries.AccountStatesAsync(db, accountIds, cancellationToken);
        var ids = states.Keys.ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var today = Today;
        var list = new List<AccountReadiness>(states.Count);
        foreach (var id in accountIds.Distinct())
        {
            if (states.TryGetValue(id, out var state))
            {
                list.Add(Readiness(policy, state, names.GetValueOrDefault(id) ?? string.Empty, today));
            }
        }

        return list;
    }

    /// <summary>The readiness of one account from its facts (shared by every caller).</summary>
    public static AccountReadiness Readiness(FatiguePolicy policy, AccountState state, string accountName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = ReadinessRules.Evaluate(policy, state, today);
        return new AccountReadiness(state.AccountId, accountName, today, result.Approachable, result.FreeOn, [.. result.Blocking.Select(GateView.Of)], [.. result.Upcoming.Select(GateView.Of)]);
    }

    /// <summary>The account page's panel: readiness today, every gate set on it, and whether the actor may set and lift gates.</summary>
    public async Task<AccountGates?> AccountAsync(int accountId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var readiness = await EvaluateAsync(accountId, cancellationToken);
        if (readiness is null)
        {
            return null;
        }

        var history = await Rows(new GateFilter(AccountId: accountId)).Take(200).ToListAsync(cancellationToken);
        return new AccountGates(readiness, history, await MayChangeAsync(accountId, actor, cancellationToken));
    }

    public Task<Page<SetGateRow>> ListAsync(GateFilter filter, PageRequest request, CancellationToken cancellationToken = default) =>
        Rows(filter).ToPageAsync(request, cancellationToken);

    public async IAsyncEnumerable<SetGateCsvRow> ExportAsync(GateFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var g in Rows(filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new SetGateCsvRow(
                g.Id, g.AccountId, g.AccountName, GateKinds.Label(g.Kind), ReadinessText.Date(g.StartsOn), ReadinessText.Date(g.EndsOn), g.Reason, g.SetByName,
                g.State.ToString(), g.LiftedOn is { } lifted ? ReadinessText.Date(lifted) : null, g.LiftedByName, g.LiftReason);
        }
    }

    /// <summary>Sets a reorganisation or a hold on an account: from a day to a day, with a reason. Audited.</summary>
    public async Task<Outcome<SetGateRow>> SetAsync(int accountId, GateInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Id, a.Name, a.OwnerId, a.SalesAreaId }).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return Outcome.Missing<SetGateRow>();
        }

        if (!await accounts.MayChangeAsync(actor.Customer, account.OwnerId, account.SalesAreaId, cancellationToken))
        {
            return Outcome.Denied<SetGateRow>();
        }

        var errors = Validate(input, Today);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<SetGateRow>(errors);
        }

        var gate = new AccountGate
        {
            AccountId = accountId,
            Kind = input.Kind!.Value,
            StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn!.Value,
            Reason = input.Reason!.Trim(),
            SetById = actor.UserId,
            SetByName = await NameAsync(actor, cancellationToken),
        };
        db.AccountGates.Add(gate);
        await db.SaveChangesAsync(cancellationToken);
        await signals.ChangedAsync(db, accountId, cancellationToken);
        return Outcome.Ok(await Rows(new GateFilter(AccountId: accountId), gate.Id).FirstAsync(cancellationToken));
    }

    /// <summary>The go-live check-in's gate: set by Endorse for an unhappy customer, in the caller's transaction (not saved here).</summary>
    public AccountGate AddUnhappyOnboarding(int accountId, DateOnly from, int days, string reason, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var gate = new AccountGate
        {
            AccountId = accountId,
            Kind = GateKind.UnhappyOnboarding,
            StartsOn = from,
            EndsOn = from.AddDays(Math.Max(1, days) - 1),
            Reason = reason.Length > 1000 ? reason[..1000] : reason,
            SetById = actor.UserId,
            SetByName = actor.Name,
        };
        db.AccountGates.Add(gate);
        return gate;
    }

    /// <summary>Lifts a gate early (it stops gating today). Audited; a gate that already ended or was lifted is refused.</summary>
    public async Task<Outcome<SetGateRow>> LiftAsync(int accountId, int gateId, LiftInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var gate = await db.AccountGates.FirstOrDefaultAsync(g => g.Id == gateId && g.AccountId == accountId, cancellationToken);
        if (gate is null)
        {
            return Outcome.Missing<SetGateRow>();
        }

        if (!await MayChangeAsync(accountId, actor, cancellationToken))
        {
            return Outcome.Denied<SetGateRow>();
        }

        var errors = new ValidationErrors().MaxLength("reason", input.Reason, "Reason", 1000);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<SetGateRow>(errors);
        }

        var today = Today;
        if (gate.LiftedOn is { } lifted)
        {
            return Outcome.Refused<SetGateRow>($"This gate was already lifted on {ReadinessText.Date(lifted)}{(gate.LiftedByName is null ? "" : " by " + gate.LiftedByName)}.");
        }

        if (gate.EndsOn < today)
        {
            return Outcome.Refused<SetGateRow>($"This gate ended on {ReadinessText.Date(gate.EndsOn)}; there is nothing to lift.");
        }

        if (input.UpdatedAt is { } read && read != gate.UpdatedAt)
        {
            return Outcome.Stale<SetGateRow>("gate");
        }

        gate.LiftedOn = today;
        gate.LiftedById = actor.UserId;
        gate.LiftedByName = await NameAsync(actor, cancellationToken);
        gate.LiftReason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale<SetGateRow>("gate");
        }

        await signals.ChangedAsync(db, accountId, cancellationToken);
        return Outcome.Ok(await Rows(new GateFilter(AccountId: accountId), gate.Id).FirstAsync(cancellationToken));
    }

    /// <summary>Field messages for a new gate set by a person.</summary>
    public static ValidationErrors Validate(GateInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind)
        {
            errors.Add("kind", "Choose the kind of gate: Reorganisation or OnHold.");
        }
        else if (kind is not (GateKind.Reorganisation or GateKind.OnHold))
        {
            errors.Add("kind", $"{GateKinds.Label(kind)} is not set by hand: it follows from the account's data or its check-ins. Choose Reorganisation or OnHold.");
        }

        if (input.StartsOn is null)
        {
            errors.Add("startsOn", "Give the first day the account is not to be approached.");
        }

        if (input.EndsOn is null)
        {
            errors.Add("endsOn", "Give the day the gate expires: every gate a person sets has an end.");
        }

        if (input.StartsOn is { } start && input.EndsOn is { } end)
        {
            if (end < start)
            {
                errors.Add("endsOn", $"A gate must end on or after the day it starts: {ReadinessText.Date(end)} is before {ReadinessText.Date(start)}.");
            }
            else if (end < today)
            {
                errors.Add("endsOn", $"This gate would already have ended ({ReadinessText.Date(end)} is before today, {ReadinessText.Date(today)}).");
            }
            else if (end.DayNumber - start.DayNumber + 1 > MaxGateDays)
            {
                errors.Add("endsOn", $"A gate may last at most {MaxGateDays.ToString("N0", CultureInfo.InvariantCulture)} days; set a new one when it ends.");
            }
        }

        errors.Required("reason", input.Reason, "Reason", 1000);
        return errors;
    }

    private async Task<bool> MayChangeAsync(int accountId, Actor actor, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.OwnerId, a.SalesAreaId }).FirstOrDefaultAsync(cancellationToken);
        return account is not null && await accounts.MayChangeAsync(actor.Customer, account.OwnerId, account.SalesAreaId, cancellationToken);
    }

    private async Task<string?> NameAsync(Actor actor, CancellationToken cancellationToken) =>
        actor.UserId is null ? actor.Name
        : await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? actor.Name;

    private IQueryable<SetGateRow> Rows(GateFilter filter, int? gateId = null)
    {
        var today = Today;
        var gates = db.AccountGates.AsNoTracking();
        if (gateId is { } only)
        {
            gates = gates.Where(g => g.Id == only);
        }

        if (filter.AccountId is { } accountId)
        {
            gates = gates.Where(g => g.AccountId == accountId);
        }

        if (filter.Kind is { } kind)
        {
            gates = gates.Where(g => g.Kind == kind);
        }

        gates = filter.State switch
        {
            GateState.Lifted => gates.Where(g => g.LiftedOn != null),
            GateState.Active => gates.Where(g => g.LiftedOn == null && g.StartsOn <= today && g.EndsOn >= today),
            GateState.Upcoming => gates.Where(g => g.LiftedOn == null && g.StartsOn > today),
            GateState.Ended => gates.Where(g => g.LiftedOn == null && g.EndsOn < today),
            _ => gates,
        };

        var joined = gates.Join(db.Accounts, g => g.AccountId, a => a.Id, (g, a) => new { g, a.Name, a.NameSearch });
        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            joined = joined.WherePrefix(x => x.NameSearch, search);
        }

        return joined
            .OrderByDescending(x => x.g.StartsOn).ThenByDescending(x => x.g.Id)
            .Select(x => new SetGateRow(
                x.g.Id, x.g.AccountId, x.Name, x.g.Kind, x.g.StartsOn, x.g.EndsOn, x.g.Reason, x.g.SetByName, x.g.CreatedAt,
                x.g.LiftedOn, x.g.LiftedByName, x.g.LiftReason,
                x.g.LiftedOn != null ? GateState.Lifted : x.g.StartsOn > today ? GateState.Upcoming : x.g.EndsOn < today ? GateState.Ended : GateState.Active,
                x.g.UpdatedAt));
    }
}
