using System.Globalization;
using System.Runtime.CompilerServices;
using Endorse.Accounts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Notifications;
using Endorse.Outcomes;
using Endorse.Readiness;
using Endorse.Settings;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Onboarding;

/// <summary>
/// Onboarding check-ins: a plan for each new customer (introduction after kick-off, a mid-implementation check, go-live
/// satisfaction), shown as due and overdue tasks and announced in the inbox once each. The go-live outcome decides: a happy
/// customer becomes a discovery candidate ("onboarded happily"); an unhappy one is gated (not asked) and followed up.
/// </summary>
public sealed class OnboardingService(EndorseDbContext db, TimeProvider clock, Notifier notifier, ReadinessService readiness, AccountSignals signals)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Who works check-ins: reference managers, administrators and customer success.</summary>
    public static bool MayWork(Actor actor) => actor is not null && (actor.IsReferenceManager || actor.IsIn(Roles.CustomerSuccess));

    public async Task<IQueryable<CheckInRow>> QueryAsync(CheckInFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var settings = await SourcingSettings.ReadAsync(db, cancellationToken);
        return Query(filter, Today, settings.CheckInNoticeDays);
    }

    public async Task<Page<CheckInRow>> ListAsync(CheckInFilter filter, PageRequest request, CancellationToken cancellationToken = default) =>
        await (await QueryAsync(filter, cancellationToken)).ToPageAsync(request, cancellationToken);

    public async IAsyncEnumerable<CheckInCsvRow> ExportAsync(CheckInFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var c in (await QueryAsync(filter, cancellationToken)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new CheckInCsvRow(
                c.Id, c.AccountId, c.AccountName, OnboardingText.Kind(c.Kind), Date(c.DueOn), OnboardingText.State(c.State), c.CompletedOn is { } done ? Date(done) : null,
                c.CompletedByName, OnboardingText.AsksOutcome(c.Kind) && c.CompletedOn is not null ? OnboardingText.Outcome(c.Outcome) : null, c.Notes);
        }
    }

    public async Task<CheckInCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        var settings = await SourcingSettings.ReadAsync(db, cancellationToken);
        var today = Today;
        var soon = today.AddDays(settings.CheckInNoticeDays);
        var open = db.CheckIns.AsNoTracking().Where(c => c.CompletedOn == null);
        return new CheckInCounts(
            await open.CountAsync(c => c.DueOn >= today && c.DueOn <= soon, cancellationToken),
            await open.CountAsync(c => c.DueOn < today, cancellationToken),
            await open.CountAsync(c => c.DueOn > soon, cancellationToken));
    }

    public async Task<PlanView?> PlanOfAccountAsync(int accountId, CancellationToken cancellationToken = default)
    {
        var plan = await db.OnboardingPlans.AsNoTracking().Where(p => p.AccountId == accountId)
            .Select(p => new { p.Id, p.AccountId, p.Account!.Name, p.KickOffOn, p.Outcome, p.OutcomeOn }).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var checkIns = await (await QueryAsync(new CheckInFilter(AccountId: accountId), cancellationToken)).ToListAsync(cancellationToken);
        return new PlanView(plan.Id, plan.AccountId, plan.Name, plan.KickOffOn, plan.Outcome, plan.OutcomeOn, [.. checkIns.OrderBy(c => c.DueOn).ThenBy(c => c.Id)]);
    }

    /// <summary>
    /// Makes a plan for every account that became a customer within the settings' window and has none, and tells the
    /// reference managers (one notice a run) in the same save. Run by the scheduler every minute; returns the plans made.
    /// </summary>
    public async Task<int> EnsurePlansAsync(CancellationToken cancellationToken = default)
    {
        var settings = await SourcingSettings.ReadAsync(db, cancellationToken);
        var today = Today;
        var from = today.AddDays(-settings.NewCustomerDays);
        var accounts = await db.Accounts.AsNoTracking()
            .Where(CustomerRule.IsCustomerExpression)
            .Where(a => a.CustomerSince >= from && a.CustomerSince <= today && !db.OnboardingPlans.Any(p => p.AccountId == a.Id))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name, a.CustomerSince }).Take(1000).ToListAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            return 0;
        }

        foreach (var a in accounts)
        {
            db.OnboardingPlans.Add(NewPlan(a.Id, a.CustomerSince!.Value, settings));
        }

        var names = string.Join(", ", accounts.Take(5).Select(a => a.Name)) + (accounts.Count > 5 ? $" and {accounts.Count - 5} more" : string.Empty);
        var title = accounts.Count == 1 ? $"New customer: a check-in plan for {accounts[0].Name}" : $"{accounts.Count} new customers: check-in plans made";
        var body = $"Introduce yourself after the kick-off, check in during the implementation and ask about satisfaction at go-live: {names}.";
        try
        {
            var managers = await People.InRoleAsync(db, Roles.ReferenceManager, cancellationToken);
            if (managers.Count == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            foreach (var manager in managers)
            {
                await notifier.NotifyAsync(manager, title, body, "/onboarding", sendEmail: false, cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another node made them first (one plan an account)
            return 0;
        }

        foreach (var a in accounts)
        {
            await signals.ChangedAsync(db, a.Id, cancellationToken);
        }

        return accounts.Count;
    }

    /// <summary>Starts a plan by hand for a customer that has none (reference managers and customer success).</summary>
    public async Task<Outcome<PlanView>> StartAsync(PlanInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayWork(actor))
        {
            return Outcome.Denied<PlanView>();
        }

        if (input.AccountId is not { } accountId)
        {
            return Outcome.Invalid<PlanView>("accountId", "Choose the account.");
        }

        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return Outcome.Invalid<PlanView>("accountId", $"There is no account {accountId}.");
        }

        var kickOff = input.KickOffOn ?? account.CustomerSince ?? Today;
        if (kickOff > Today.AddDays(365))
        {
            return Outcome.Invalid<PlanView>("kickOffOn", "The kick-off must be within a year from today.");
        }

        if (!CustomerRule.IsCustomer(account))
        {
            return Outcome.Refused<PlanView>(CustomerRule.NotACustomer(account.Name, account.Relationship, "only customers get a check-in plan"));
        }

        if (await db.OnboardingPlans.AnyAsync(p => p.AccountId == accountId, cancellationToken))
        {
            return Outcome.Refused<PlanView>($"{account.Name} already has a check-in plan.");
        }

        db.OnboardingPlans.Add(NewPlan(accountId, kickOff, await SourcingSettings.ReadAsync(db, cancellationToken)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<PlanView>($"{account.Name} already has a check-in plan.");
        }

        return Outcome.Ok((await PlanOfAccountAsync(accountId, cancellationToken))!);
    }

    /// <summary>
    /// Records a check-in. At go-live (or a follow-up) the outcome is required: happy makes the account a discovery candidate
    /// ("onboarded happily") and lifts an unhappy-onboarding gate; unhappy gates the account for the settings' days and plans
    /// a follow-up. One save: the check-in, the plan, the gate.
    /// </summary>
    public async Task<Outcome<CheckInRow>> CompleteAsync(int checkInId, CheckInCompletion input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var checkIn = await db.CheckIns.FirstOrDefaultAsync(c => c.Id == checkInId, cancellationToken);
        if (checkIn is null)
        {
            return Outcome.Missing<CheckInRow>();
        }

        if (!MayWork(actor))
        {
            return Outcome.Denied<CheckInRow>();
        }

        var today = Today;
        var on = input.CompletedOn ?? today;
        var errors = new ValidationErrors().MaxLength("notes", input.Notes, "Notes", 4000);
        if (on > today)
        {
            errors.Add("completedOn", "A check-in is recorded once it happened: the day must be today or earlier.");
        }

        var plan = await db.OnboardingPlans.FirstAsync(p => p.Id == checkIn.PlanId, cancellationToken);
        if (on < plan.KickOffOn.AddDays(-30))
        {
            errors.Add("completedOn", $"The day is long before the kick-off on {Date(plan.KickOffOn)}.");
        }

        var asks = OnboardingText.AsksOutcome(checkIn.Kind);
        if (asks && input.Outcome is not (OnboardingOutcome.Happy or OnboardingOutcome.Unhappy))
        {
            errors.Add("outcome", "Say whether the customer is happy (Happy or Unhappy): it decides whether they may be asked.");
        }
        else if (!asks && input.Outcome is OnboardingOutcome.Happy or OnboardingOutcome.Unhappy)
        {
            errors.Add("outcome", $"Only the go-live check-in and its follow-ups record whether the customer is happy; this is the {OnboardingText.Kind(checkIn.Kind).ToLowerInvariant()}.");
        }

        if (asks && input.Outcome == OnboardingOutcome.Unhappy && string.IsNullOrWhiteSpace(input.Notes))
        {
            errors.Add("notes", "Say what is wrong: the reason is shown wherever the account is gated.");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<CheckInRow>(errors);
        }

        if (checkIn.CompletedOn is { } done)
        {
            return Outcome.Refused<CheckInRow>($"This check-in was already recorded on {Date(done)}{(checkIn.CompletedByName is null ? "" : " by " + checkIn.CompletedByName)}.");
        }

        if (input.UpdatedAt is { } read && read != checkIn.UpdatedAt)
        {
            return Outcome.Stale<CheckInRow>("check-in");
        }

        var name = await People.NameAsync(db, actor.UserId, cancellationToken) ?? actor.Name;
        checkIn.CompletedOn = on;
        checkIn.CompletedById = actor.UserId;
        checkIn.CompletedByName = name;
        checkIn.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (asks)
        {
            var settings = await SourcingSettings.ReadAsync(db, cancellationToken);
            checkIn.Outcome = input.Outcome!.Value;
            plan.Outcome = checkIn.Outcome;
            plan.OutcomeOn = on;
            if (checkIn.Outcome == OnboardingOutcome.Unhappy)
            {
                var from = on > today ? on : today;
                readiness.AddUnhappyOnboarding(checkIn.AccountId, from, settings.UnhappyGateDays, checkIn.Notes!, actor with { Name = name });
                db.CheckIns.Add(new CheckIn { PlanId = plan.Id, AccountId = plan.AccountId, Kind = CheckInKind.FollowUp, DueOn = CheckInSchedule.FollowUpDue(from, settings) });
            }
            else
            {
                foreach (var gate in await db.AccountGates.Where(g => g.AccountId == plan.AccountId && g.Kind == GateKind.UnhappyOnboarding && g.LiftedOn == null && g.EndsOn >= today).ToListAsync(cancellationToken))
                {
                    gate.LiftedOn = today;
                    gate.LiftedById = actor.UserId;
                    gate.LiftedByName = name;
                    gate.LiftReason = $"Happy at the {OnboardingText.Kind(checkIn.Kind).ToLowerInvariant()} check-in on {Date(on)}.";
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale<CheckInRow>("check-in");
        }

        await signals.ChangedAsync(db, checkIn.AccountId, cancellationToken);
        return Outcome.Ok(await RowAsync(checkIn.Id, cancellationToken));
    }

    /// <summary>Moves an open check-in's due day (and lets its notices go out again for the new day).</summary>
    public async Task<Outcome<CheckInRow>> RescheduleAsync(int checkInId, CheckInReschedule input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var checkIn = await db.CheckIns.FirstOrDefaultAsync(c => c.Id == checkInId, cancellationToken);
        if (checkIn is null)
        {
            return Outcome.Missing<CheckInRow>();
        }

        if (!MayWork(actor))
        {
            return Outcome.Denied<CheckInRow>();
        }

        if (input.DueOn is not { } due)
        {
            return Outcome.Invalid<CheckInRow>("dueOn", "Give the new due day.");
        }

        if (due < Today)
        {
            return Outcome.Invalid<CheckInRow>("dueOn", "The new due day must be today or later.");
        }

        if (checkIn.CompletedOn is { } done)
        {
            return Outcome.Refused<CheckInRow>($"This check-in was recorded on {Date(done)}; there is nothing to move.");
        }

        if (input.UpdatedAt is { } read && read != checkIn.UpdatedAt)
        {
            return Outcome.Stale<CheckInRow>("check-in");
        }

        checkIn.DueOn = due;
        checkIn.DueNoticeOn = null;
        checkIn.OverdueNoticeOn = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale<CheckInRow>("check-in");
        }

        return Outcome.Ok(await RowAsync(checkIn.Id, cancellationToken));
    }

    /// <summary>
    /// The daily notices: each open check-in that comes due within the notice period is announced once, and each overdue one
    /// once more; the notice and the mark that it went out are saved together, so a rerun (a restart, a second node) sends
    /// nothing twice. Returns the notices sent.
    /// </summary>
    public async Task<int> SendNoticesAsync(CancellationToken cancellationToken = default)
    {
        var settings = await SourcingSettings.ReadAsync(db, cancellationToken);
        var today = Today;
        var soon = today.AddDays(settings.CheckInNoticeDays);
        var ids = await db.CheckIns.AsNoTracking()
            .Where(c => c.CompletedOn == null && ((c.DueNoticeOn == null && c.DueOn >= today && c.DueOn <= soon) || (c.OverdueNoticeOn == null && c.DueOn < today)))
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Select(c => c.Id).Take(5000).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var managers = await People.InRoleAsync(db, Roles.ReferenceManager, cancellationToken);
        var sent = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var checkIn = await db.CheckIns.FirstAsync(c => c.Id == id, cancellationToken);
            var plan = await db.OnboardingPlans.AsNoTracking().Where(p => p.Id == checkIn.PlanId).Select(p => new { p.OwnerId, p.Account!.Name }).FirstAsync(cancellationToken);
            string title;
            if (CheckInSchedule.OverdueNotice(checkIn.DueOn, checkIn.CompletedOn, checkIn.OverdueNoticeOn, today))
            {
                checkIn.OverdueNoticeOn = today;
                checkIn.DueNoticeOn ??= today;
                title = $"Overdue check-in: {OnboardingText.Kind(checkIn.Kind)} with {plan.Name} (due {Date(checkIn.DueOn)})";
            }
            else if (CheckInSchedule.DueNotice(checkIn.DueOn, checkIn.CompletedOn, checkIn.DueNoticeOn, today, settings.CheckInNoticeDays))
            {
                checkIn.DueNoticeOn = today;
                title = $"Check-in due: {OnboardingText.Kind(checkIn.Kind)} with {plan.Name} on {Date(checkIn.DueOn)}";
            }
            else
            {
                continue;
            }

            var body = checkIn.Kind switch
            {
                CheckInKind.Introduction => "Introduce yourself and offer help; don't ask for a reference yet.",
                CheckInKind.MidImplementation => "Check the implementation is going well and whether they need anything.",
                CheckInKind.GoLive => "Ask how go-live went. Record whether they are happy: happy customers become candidates; unhappy ones are not asked.",
                _ => "The unhappy go-live gate ends soon: check in again and record whether they are happy now.",
            };
            var recipients = plan.OwnerId is { } owner ? [owner] : managers;
            try
            {
                if (recipients.Count == 0)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                foreach (var user in recipients)
                {
                    await notifier.NotifyAsync(user, title, body, $"/onboarding?checkIn={checkIn.Id}", sendEmail: true, cancellationToken);
                    sent++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Recorded or moved meanwhile: the next run decides again.
            }
        }

        db.ChangeTracker.Clear();
        return sent;
    }

    private static OnboardingPlan NewPlan(int accountId, DateOnly kickOff, SourcingSettings settings)
    {
        var plan = new OnboardingPlan { AccountId = accountId, KickOffOn = kickOff };
        foreach (var (kind, due) in CheckInSchedule.Plan(kickOff, settings))
        {
            plan.CheckIns.Add(new CheckIn { AccountId = accountId, Kind = kind, DueOn = due });
        }

        return plan;
    }

    private async Task<CheckInRow> RowAsync(int id, CancellationToken cancellationToken) =>
        await (await QueryAsync(new CheckInFilter(CheckInId: id), cancellationToken)).FirstAsync(cancellationToken);

    private IQueryable<CheckInRow> Query(CheckInFilter filter, DateOnly today, int noticeDays)
    {
        var soon = today.AddDays(noticeDays);
        var checkIns = db.CheckIns.AsNoTracking();
        if (filter.CheckInId is { } checkInId)
        {
            checkIns = checkIns.Where(c => c.Id == checkInId);
        }

        if (filter.AccountId is { } accountId)
        {
            checkIns = checkIns.Where(c => c.AccountId == accountId);
        }

        if (filter.Kind is { } kind)
        {
            checkIns = checkIns.Where(c => c.Kind == kind);
        }

        if (filter.OpenOnly)
        {
            checkIns = checkIns.Where(c => c.CompletedOn == null);
        }

        checkIns = filter.State switch
        {
            CheckInState.Done => checkIns.Where(c => c.CompletedOn != null),
            CheckInState.Overdue => checkIns.Where(c => c.CompletedOn == null && c.DueOn < today),
            CheckInState.Due => checkIns.Where(c => c.CompletedOn == null && c.DueOn >= today && c.DueOn <= soon),
            CheckInState.Upcoming => checkIns.Where(c => c.CompletedOn == null && c.DueOn > soon),
            _ => checkIns,
        };

        var joined = checkIns.Join(db.OnboardingPlans, c => c.PlanId, p => p.Id, (c, p) => new { c, p.KickOffOn, p.Outcome, p.AccountId })
            .Join(db.Accounts, x => x.AccountId, a => a.Id, (x, a) => new { x.c, x.KickOffOn, x.Outcome, a.Name, a.NameSearch });
        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            joined = joined.WherePrefix(x => x.NameSearch, search);
        }

        return joined
            .OrderBy(x => x.c.CompletedOn != null).ThenBy(x => x.c.DueOn).ThenBy(x => x.c.Id)
            .Select(x => new CheckInRow(
                x.c.Id, x.c.PlanId, x.c.AccountId, x.Name, x.c.Kind, x.c.DueOn,
                x.c.CompletedOn != null ? CheckInState.Done : x.c.DueOn < today ? CheckInState.Overdue : x.c.DueOn <= soon ? CheckInState.Due : CheckInState.Upcoming,
                x.c.CompletedOn, x.c.CompletedByName, x.c.Notes, x.c.Outcome, x.KickOffOn, x.Outcome, x.c.UpdatedAt));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
