using System.Globalization;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Notifications;
using Endorse.Readiness;
using Endorse.Requests;
using Endorse.Settings;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Nominations;

/// <summary>
/// Nominations from submission to advocate: the eligibility check, the review queue (approve, ask for more, decline),
/// the account owner's approval, the conversion into a Candidate advocate linked to its nomination for ever, and the
/// ways back (withdraw, reopen, release a reservation). Every decision is told to the nominator (inbox and mail).
/// </summary>
public sealed class NominationService(EndorseDbContext db, Notifier notifier, TimeProvider clock, MatchIndex matchIndex)
{
    public const string ChangedMeanwhile = "Someone else changed this nomination at the same moment; reload it and try again.";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Whether the contact can be nominated now, and what the form should know (404 when there is no such contact).</summary>
    public async Task<NominationCheck?> CheckAsync(int contactId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var target = await TargetAsync(contactId, null, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var products = await db.AccountProducts.AsNoTracking().Where(p => p.AccountId == target.Target.AccountId)
            .Join(db.Products, p => p.ProductId, p => p.Id, (_, p) => new { p.Id, p.Name })
            .OrderBy(p => p.Name).Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(cancellationToken);
        var owner = await ActiveOwnerAsync(target.OwnerId, cancellationToken);
        return new NominationCheck(
            target.Target.ContactId, target.Target.ContactName, target.Title, target.Target.AccountId, target.Target.AccountName,
            [.. NominationRules.Refusals(target.Target).Select(r => r.Message)], products, owner?.Name,
            NominationRules.NeedsOwnerApproval(owner?.Id, actor.UserId, null))
        {
            OpenNominationId = target.Target.OpenNominationId,
        };
    }

    public async Task<RequestOutcome<NominationDetails>> SubmitAsync(NominationInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        var errors = NominationRules.Validate(input);
        var productIds = (input.ProductIds ?? []).Distinct().ToList();
        if (productIds.Count is > 0 and <= NominationRules.MaxProducts)
        {
            var known = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var missing in productIds.Except(known))
            {
                errors.Add("productIds", $"No product has the id {missing}.");
            }
        }

        if (!errors.IsValid)
        {
            return RequestOutcome.Invalid<NominationDetails>(errors);
        }

        var target = await TargetAsync(input.ContactId!.Value, null, cancellationToken);
        if (target is null)
        {
            return RequestOutcome.Invalid<NominationDetails>("contactId", $"There is no contact {input.ContactId}.");
        }

        if (Refused(target.Target) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var nomination = new Nomination
        {
            ContactId = target.Target.ContactId,
            AccountId = target.Target.AccountId,
            Kind = input.Kind!.Value,
            Reason = input.Reason!.Trim(),
            ActivityTypes = ActivityTypeSet.Of(input.ActivityTypes ?? []),
            ReserveForNominator = input.ReserveForMe,
            NominatorId = actor.UserId,
            NominatorName = actor.Name,
            Status = NominationStatus.AwaitingReview,
            WaitingSince = now,
            Products = [.. productIds.Select(p => new NominationProduct { ProductId = p })],
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Nominations.Add(nomination);
            await db.SaveChangesAsync(cancellationToken);
            db.NominationEvents.Add(Event(nomination.Id, "-", nomination.Status, actor, Kind(nomination.Kind) + ": " + nomination.Reason));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var manager in await ReferenceManagersAsync(cancellationToken))
            {
                await notifier.NotifyAsync(
                    manager,
                    $"New nomination: {target.Target.ContactName} ({target.Target.AccountName})",
                    $"{actor.Name ?? "Someone"} nominated {target.Target.ContactName} as a {Kind(nomination.Kind).ToLowerInvariant()}: {nomination.Reason}",
                    Link(nomination.Id),
                    sendEmail: false,
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another nomination of the same contact was saved first (the unique index on open nominations).
            db.ChangeTracker.Clear();
            var open = await db.Nominations.AsNoTracking().Where(n => n.ContactId == target.Target.ContactId && NominationRules.Open.Contains(n.Status))
                .Select(n => (int?)n.Id).FirstOrDefaultAsync(cancellationToken);
            return RequestOutcome.Refused<NominationDetails>(
                $"{target.Target.ContactName} was just nominated by someone else" + (open is { } id ? $" (nomination #{id}); add to that one instead." : "; reload and try again."));
        }

        return RequestOutcome.Ok((await GetAsync(nomination.Id, actor, cancellationToken))!);
    }

    /// <summary>The rows of a list, filtered and sorted (newest first; the queue: longest waiting first), not yet paged.</summary>
    public IQueryable<NominationRow> Query(NominationFilter filter, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(actor);
        var nominations = db.Nominations.AsNoTracking();
        nominations = filter.View switch
        {
            NominationView.Queue when NominationRules.IsReferenceTeam(actor) => nominations,
            NominationView.Queue => nominations.Where(n => false),
            NominationView.MyAccounts => nominations.Where(n => n.OwnerId == actor.UserId || db.Accounts.Any(a => a.Id == n.AccountId && a.OwnerId == actor.UserId)),
            _ => nominations.Where(n => n.NominatorId == actor.UserId),
        };
        if (filter.Status is { } status)
        {
            nominations = nominations.Where(n => n.Status == status);
        }
        else if (filter.OpenOnly)
        {
            nominations = nominations.Where(n => NominationRules.Open.Contains(n.Status));
        }

        if (filter.Kind is { } kind)
        {
            nominations = nominations.Where(n => n.Kind == kind);
        }

        if (filter.WaitingTooLong)
        {
            var before = clock.GetUtcNow() - NominationRules.WaitLimit;
            nominations = nominations.Where(n => NominationRules.Open.Contains(n.Status) && n.WaitingSince < before);
        }

        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            var upper = SearchText.UpperBound(search);
            nominations = nominations.Where(n =>
                (string.Compare(n.Contact!.NameSearch, search) >= 0 && string.Compare(n.Contact.NameSearch, upper) < 0)
                || (string.Compare(n.Contact!.FirstNameSearch, search) >= 0 && string.Compare(n.Contact.FirstNameSearch, upper) < 0)
                || db.Accounts.Any(a => a.Id == n.AccountId && string.Compare(a.NameSearch, search) >= 0 && string.Compare(a.NameSearch, upper) < 0));
        }

        nominations = filter.View == NominationView.Queue
            ? nominations.OrderBy(n => n.WaitingSince).ThenBy(n => n.Id)
            : nominations.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id);
        return nominations.Select(n => new NominationRow(
            n.Id,
            n.ContactId,
            (n.Contact!.FirstName == null || n.Contact.FirstName == "" ? "" : n.Contact.FirstName + " ") + n.Contact.LastName,
            n.AccountId,
            db.Accounts.Where(a => a.Id == n.AccountId).Select(a => a.Name).FirstOrDefault() ?? "",
            n.Kind,
            n.Status,
            n.NominatorName,
            n.CreatedAt,
            n.WaitingSince,
            n.AdvocateId,
            n.ReservedUntil));
    }

    public async Task<Page<NominationRow>> ListAsync(NominationFilter filter, PageRequest page, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await Query(filter, actor).ToPageAsync(page, cancellationToken);
        var now = clock.GetUtcNow();
        return result with { Items = [.. result.Items.Select(r => r with { WaitingTooLong = NominationRules.WaitingTooLong(r.Status, r.WaitingSince, now) })] };
    }

    /// <summary>Every row of a list as CSV lines (streamed).</summary>
    public async IAsyncEnumerable<NominationCsvRow> ExportAsync(NominationFilter filter, RequestActor actor, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await foreach (var r in Query(filter, actor).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new NominationCsvRow(
                r.Id, r.ContactName, r.AccountName, Kind(r.Kind), NominationRules.Describe(r.Status), r.NominatorName,
                r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                r.WaitingSince.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                NominationRules.WaitingTooLong(r.Status, r.WaitingSince, now), r.AdvocateId,
                r.ReservedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A nomination with its history and the caller's next steps; null when it does not exist or the caller may not read it.</summary>
    public async Task<NominationDetails?> GetAsync(int id, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Nominations.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new
            {
                Nomination = n,
                n.Contact!.FirstName,
                n.Contact.LastName,
                n.Contact.Title,
                Account = db.Accounts.Where(a => a.Id == n.AccountId).Select(a => new { a.Name, a.OwnerId, a.DisclosurePermission }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || !NominationRules.MaySee(row.Nomination.NominatorId, row.Nomination.OwnerId, row.Account?.OwnerId, actor))
        {
            return null;
        }

        var n = row.Nomination;
        var products = await db.Set<NominationProduct>().AsNoTracking().Where(p => p.NominationId == id)
            .Join(db.Products, p => p.ProductId, p => p.Id, (_, p) => new { p.Id, p.Name })
            .OrderBy(p => p.Name).Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(cancellationToken);
        var history = await db.NominationEvents.AsNoTracking().Where(e => e.NominationId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new NominationEventView(e.At, e.From, e.To, e.ByName, e.Note)).ToListAsync(cancellationToken);
        var approverId = n.Status == NominationStatus.AwaitingOwnerApproval || n.OwnerId is not null ? n.OwnerId : row.Account?.OwnerId;
        var ownerName = approverId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == approverId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var activities = ActivityTypeSet.Expand(n.ActivityTypes);
        var accountName = row.Account?.Name ?? string.Empty;
        var permission = row.Account?.DisclosurePermission ?? Accounts.DisclosurePermission.Unknown;
        return new NominationDetails(
            n.Id, n.ContactId, PersonName(row.FirstName, row.LastName), row.Title, n.AccountId, accountName, permission, n.Kind, n.Reason, activities,
            products, n.ReserveForNominator, n.NominatorId, n.NominatorName, n.Status, n.CreatedAt, n.WaitingSince, n.Question, approverId, ownerName,
            n.DeclineReason, n.AdvocateId, n.ReservedUntil, history,
            NominationRules.ActionsFor(n.Status, n.NominatorId, n.OwnerId, n.ReservedUntil, Today, actor))
        {
            WaitingTooLong = NominationRules.WaitingTooLong(n.Status, n.WaitingSince, clock.GetUtcNow()),
            Warnings = NominationRules.IsOpen(n.Status) ? NominationRules.Warnings(permission, activities, accountName) : [],
        };
    }

    /// <summary>The nomination an advocate came from, if any.</summary>
    public Task<SourcedBy?> SourcedByAsync(int advocateId, CancellationToken cancellationToken = default) =>
        db.Nominations.AsNoTracking().Where(n => n.AdvocateId == advocateId)
            .Select(n => new SourcedBy(n.Id, n.Kind, n.NominatorId, n.NominatorName, n.ApprovedAt, n.ReservedUntil))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The reference team approves after review: on to the account owner when they must approve the approach, else
    /// straight to an advocate.
    /// </summary>
    public Task<RequestOutcome<NominationDetails>> ApproveAsync(int id, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, actor, "approve", "approved", async (n, named) =>
        {
            n.ReviewedById = named.UserId;
            n.ReviewedAt = clock.GetUtcNow();
            var owner = await ActiveOwnerAsync(await db.Accounts.Where(a => a.Id == n.AccountId).Select(a => a.OwnerId).FirstOrDefaultAsync(cancellationToken), cancellationToken);
            if (NominationRules.NeedsOwnerApproval(owner?.Id, n.NominatorId, named.UserId))
            {
                n.OwnerId = owner!.Id;
                n.Status = NominationStatus.AwaitingOwnerApproval;
                var name = await ContactNameAsync(n.ContactId, cancellationToken);
                return new Step(null, async () =>
                {
                    await notifier.NotifyAsync(
                        owner.Id,
                        $"Approve a nomination at your account: {name}",
                        $"{n.NominatorName ?? "A colleague"} nominated {name} as a {Kind(n.Kind).ToLowerInvariant()}, and the reference team approved it. " +
                            "As the account owner, approve the approach or decline it with a reason.",
                        Link(n.Id),
                        sendEmail: true,
                        cancellationToken);
                    await TellNominatorAsync(n, $"Your nomination of {name} was approved by the reference team", $"It now waits for {owner.Name}, the account owner, to approve the approach.", named, cancellationToken);
                });
            }

            return await ConvertAsync(n, named, cancellationToken);
        }, cancellationToken);

    /// <summary>The reference team asks the nominator for more; the nomination comes back to the queue with the answer.</summary>
    public Task<RequestOutcome<NominationDetails>> AskAsync(int id, NominationNote input, RequestActor actor, CancellationToken cancellationToken = default) =>
        NoteStepAsync(input, "Your question", id, actor, "ask", "sent back for more", async (n, named, note) =>
        {
            n.Question = note;
            n.ReviewedById = named.UserId;
            n.Status = NominationStatus.MoreInfoRequested;
            var name = await ContactNameAsync(n.ContactId, cancellationToken);
            return new Step(note, () => TellNominatorAsync(n, $"The reference team asks about your nomination of {name}", note + "\n\nAnswer on the nomination page.", named, cancellationToken));
        }, cancellationToken);

    /// <summary>The nominator answers the question; the nomination is back in the review queue.</summary>
    public Task<RequestOutcome<NominationDetails>> AnswerAsync(int id, NominationNote input, RequestActor actor, CancellationToken cancellationToken = default) =>
        NoteStepAsync(input, "Your answer", id, actor, "answer", "answered", async (n, named, note) =>
        {
            n.Status = NominationStatus.AwaitingReview;
            var name = await ContactNameAsync(n.ContactId, cancellationToken);
            return new Step(note, async () =>
            {
                IReadOnlyList<string> reviewers = n.ReviewedById is { } r ? [r] : await ReferenceManagersAsync(cancellationToken);
                foreach (var user in reviewers)
                {
                    await notifier.NotifyAsync(user, $"{named.Name ?? "The nominator"} answered about {name}", note, Link(n.Id), sendEmail: false, cancellationToken);
                }
            });
        }, cancellationToken);

    /// <summary>The reference team declines, with a reason (a reference manager may reopen it later).</summary>
    public Task<RequestOutcome<NominationDetails>> DeclineAsync(int id, NominationNote input, RequestActor actor, CancellationToken cancellationToken = default) =>
        NoteStepAsync(input, "The reason", id, actor, "decline", "declined", (n, named, note) => DeclinedAsync(n, named, note, byOwner: false, cancellationToken), cancellationToken);

    /// <summary>The account owner approves the approach: the contact becomes an advocate.</summary>
    public Task<RequestOutcome<NominationDetails>> OwnerApproveAsync(int id, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, actor, "owner-approve", "approved", async (n, named) =>
        {
            n.OwnerDecidedAt = clock.GetUtcNow();
            return await ConvertAsync(n, named, cancellationToken);
        }, cancellationToken);

    /// <summary>The account owner declines the approach, with a reason.</summary>
    public Task<RequestOutcome<NominationDetails>> OwnerDeclineAsync(int id, NominationNote input, RequestActor actor, CancellationToken cancellationToken = default) =>
        NoteStepAsync(input, "The reason", id, actor, "owner-decline", "declined", (n, named, note) =>
        {
            n.OwnerDecidedAt = clock.GetUtcNow();
            return DeclinedAsync(n, named, note, byOwner: true, cancellationToken);
        }, cancellationToken);

    /// <summary>The nominator takes it back while it is open.</summary>
    public Task<RequestOutcome<NominationDetails>> WithdrawAsync(int id, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, actor, "withdraw", "withdrawn", (n, _) =>
        {
            n.Status = NominationStatus.Withdrawn;
            return Task.FromResult(new Step(null, null));
        }, cancellationToken);

    /// <summary>A reference manager reopens a declined nomination (a mistake, or things changed): back in the queue, if the contact may still be nominated.</summary>
    public async Task<RequestOutcome<NominationDetails>> ReopenAsync(int id, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var peek = await db.Nominations.AsNoTracking().Where(n => n.Id == id).Select(n => new { n.ContactId, n.Status }).FirstOrDefaultAsync(cancellationToken);
        if (peek is not null && peek.Status == NominationStatus.Declined && NominationRules.IsReferenceTeam(actor)
            && await TargetAsync(peek.ContactId, id, cancellationToken) is { } target && Refused(target.Target) is { } refused)
        {
            return refused;
        }

        return await StepAsync(id, actor, "reopen", "reopened", async (n, named) =>
        {
            n.Status = NominationStatus.AwaitingReview;
            n.DeclineReason = null;
            n.DeclinedById = null;
            n.OwnerId = null;
            n.OwnerDecidedAt = null;
            var name = await ContactNameAsync(n.ContactId, cancellationToken);
            return new Step(null, () => TellNominatorAsync(n, $"Your nomination of {name} was reopened", "It is back in the reference team's review queue.", named, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Ends a pocket reference's reservation early: the nominator gives it to the pool, or the reference team frees it.</summary>
    public Task<RequestOutcome<NominationDetails>> ReleaseAsync(int id, RequestActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(id, actor, "release", "released", async (n, named) =>
        {
            // Matching reads the reservations on every ranking, so nothing else needs telling.
            var until = n.ReservedUntil;
            n.ReservedUntil = null;

            var note = $"Reservation ended (was until {until:yyyy-MM-dd}); the advocate is open to the whole pool.";
            if (named.UserId == n.NominatorId)
            {
                return new Step(note, null);
            }

            var name = await ContactNameAsync(n.ContactId, cancellationToken);
            return new Step(note, () => TellNominatorAsync(n, $"{name} is no longer reserved for your deals", note, named, cancellationToken));
        }, cancellationToken, keepStatus: true);

    private async Task<Step> DeclinedAsync(Nomination n, RequestActor named, string note, bool byOwner, CancellationToken cancellationToken)
    {
        n.Status = NominationStatus.Declined;
        n.DeclineReason = note;
        n.DeclinedById = named.UserId;
        var name = await ContactNameAsync(n.ContactId, cancellationToken);
        return new Step(note, async () =>
        {
            await TellNominatorAsync(n, $"Your nomination of {name} was declined by {(byOwner ? "the account owner" : "the reference team")}", note, named, cancellationToken);
            if (byOwner && n.ReviewedById is { } reviewer && reviewer != named.UserId)
            {
                await notifier.NotifyAsync(reviewer, $"The account owner declined the nomination of {name}", note, Link(n.Id), sendEmail: false, cancellationToken);
            }
        });
    }

    /// <summary>Creates the Candidate advocate from the nomination (profile from it), and tells the nominator.</summary>
    private async Task<Step> ConvertAsync(Nomination n, RequestActor named, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rules = await new PoolAccess(db, clock).SettingsAsync(cancellationToken);
        var productIds = await db.Set<NominationProduct>().Where(p => p.NominationId == n.Id).Select(p => p.ProductId).ToListAsync(cancellationToken);
        var productNames = productIds.Count == 0 ? [] : await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => p.Name).OrderBy(p => p).ToListAsync(cancellationToken);
        var advocate = new Advocate
        {
            ContactId = n.ContactId,
            AccountId = await db.Contacts.Where(c => c.Id == n.ContactId).Select(c => c.AccountId).FirstAsync(cancellationToken),
            Status = AdvocateStatus.Candidate,
            ActivityTypes = n.ActivityTypes,
            Notes = $"Nominated by {n.NominatorName ?? "a colleague"} (nomination #{n.Id}): {n.Reason}",
            EnrolledAt = now,
            EnrolledById = named.UserId,
            CreatedAt = now,
            UpdatedAt = now,
            Products = [.. productIds.Select(p => new AdvocateProduct { ProductId = p })],
        };
        if (advocate.Notes.Length > 4000)
        {
            advocate.Notes = advocate.Notes[..4000];
        }

        advocate.RecordPartChange(nameof(Advocate.Products), null, productNames.Count == 0 ? null : string.Join(", ", productNames));
        db.Advocates.Add(advocate);
        await db.SaveChangesAsync(cancellationToken);
        db.AdvocateStatusChanges.Add(new AdvocateStatusChange
        {
            AdvocateId = advocate.Id,
            To = AdvocateStatus.Candidate,
            At = now,
            ById = named.UserId,
            ByName = named.Name,
            Reason = $"Enrolled from nomination #{n.Id} by {n.NominatorName ?? "a colleague"}",
        });
        n.Status = NominationStatus.Approved;
        n.AdvocateId = advocate.Id;
        n.ApprovedAt = now;
        n.ReservedUntil = PoolRules.ReservedUntil(rules, n.Kind, n.ReserveForNominator, Today);
        var name = await ContactNameAsync(n.ContactId, cancellationToken);
        var reserved = n.ReservedUntil is { } until ? $" They are reserved for your own deals until {until:yyyy-MM-dd}." : string.Empty;
        return new Step(
            $"Advocate #{advocate.Id} (Candidate)" + (n.ReservedUntil is { } r ? $", reserved for {n.NominatorName ?? "the nominator"} until {r:yyyy-MM-dd}" : string.Empty),
            () => TellNominatorAsync(n, $"{name} is now an advocate", $"Your nomination of {name} was approved: they joined the program as a candidate advocate.{reserved} Thank you for sourcing them.", named, cancellationToken, $"/advocates/{advocate.Id}"),
            advocate.Id);
    }

    /// <summary>What a step changed: the note for its history entry, what to tell people once saved, and an advocate it created.</summary>
    private sealed record Step(string? Note, Func<Task>? Tell, int? AdvocateId = null);

    private async Task<RequestOutcome<NominationDetails>> NoteStepAsync(
        NominationNote input, string label, int id, RequestActor actor, string action, string done,
        Func<Nomination, RequestActor, string, Task<Step>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = NominationRules.ValidateNote(input.Note, label);
        if (!errors.IsValid)
        {
            // Who may act and in which state is answered first: a bad note on a step one may not take is still a 403/409.
            var peek = await PeekAsync(id, actor, action, done, cancellationToken);
            return peek ?? RequestOutcome.Invalid<NominationDetails>(errors);
        }

        var note = input.Note!.Trim();
        return await StepAsync(id, actor, action, done, (n, named) => apply(n, named, note), cancellationToken);
    }

    /// <summary>Why the step is not possible (404, 403, 409), or null when it is.</summary>
    private async Task<RequestOutcome<NominationDetails>?> PeekAsync(int id, RequestActor actor, string action, string done, CancellationToken cancellationToken)
    {
        var n = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (n is null)
        {
            return RequestOutcome.Missing<NominationDetails>();
        }

        var accountOwner = await db.Accounts.AsNoTracking().Where(a => a.Id == n.AccountId).Select(a => a.OwnerId).FirstOrDefaultAsync(cancellationToken);
        if (!NominationRules.MaySee(n.NominatorId, n.OwnerId, accountOwner, actor))
        {
            return RequestOutcome.Missing<NominationDetails>();
        }

        if (NominationRules.ActionsFor(n.Status, n.NominatorId, n.OwnerId, n.ReservedUntil, Today, actor).Contains(action))
        {
            return null;
        }

        // Would the actor be allowed in some state? Then it is the state that refuses (409); else the person (403).
        var someState = Enum.GetValues<NominationStatus>().Any(s => NominationRules.ActionsFor(s, n.NominatorId, n.OwnerId ?? accountOwner, Today, Today, actor).Contains(action));
        return someState
            ? RequestOutcome.Refused<NominationDetails>(NominationRules.Refusal(n.Status, done))
            : RequestOutcome.Denied<NominationDetails>();
    }

    /// <summary>
    /// One step: checks who may take it in the nomination's state, applies it, writes the history entry and saves in one
    /// transaction (the nomination's UpdatedAt guards against a change made meanwhile), then tells people.
    /// </summary>
    private async Task<RequestOutcome<NominationDetails>> StepAsync(
        int id, RequestActor actor, string action, string done, Func<Nomination, RequestActor, Task<Step>> apply, CancellationToken cancellationToken, bool keepStatus = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        if (await PeekAsync(id, actor, action, done, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Step step;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var n = await db.Nominations.FirstAsync(x => x.Id == id, cancellationToken);

            // Another step may have landed since the check above (two managers deciding at once): ask again on what was
            // just read; the UpdatedAt token then guards the rest of the way to the save.
            if (!NominationRules.ActionsFor(n.Status, n.NominatorId, n.OwnerId, n.ReservedUntil, Today, actor).Contains(action))
            {
                db.ChangeTracker.Clear();
                return RequestOutcome.Refused<NominationDetails>(ChangedMeanwhile);
            }

            var from = n.Status;
            step = await apply(n, actor);
            if (!keepStatus || from != n.Status)
            {
                n.WaitingSince = clock.GetUtcNow();
            }

            db.NominationEvents.Add(Event(n.Id, from.ToString(), n.Status, actor, step.Note));
            await db.SaveChangesAsync(cancellationToken);
            if (step.Tell is not null)
            {
                await step.Tell();
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return RequestOutcome.Refused<NominationDetails>(ChangedMeanwhile);
        }
        catch (DbUpdateException)
        {
            // The contact was enrolled directly meanwhile (the unique index on advocates' contacts).
            db.ChangeTracker.Clear();
            return RequestOutcome.Refused<NominationDetails>("The contact became an advocate meanwhile (enrolled directly); this nomination cannot be approved. Decline or withdraw it.");
        }

        if (step.AdvocateId is { } advocateId)
        {
            matchIndex.Invalidate(advocateId);
        }

        return RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    private RequestOutcome<NominationDetails>? Refused(NominationTarget target)
    {
        var refusals = NominationRules.Refusals(target);
        if (refusals.Count == 0)
        {
            return null;
        }

        if (refusals.All(r => r.IsConflict))
        {
            return RequestOutcome.Refused<NominationDetails>(string.Join(" ", refusals.Select(r => r.Message)));
        }

        var errors = new ValidationErrors();
        foreach (var refusal in refusals)
        {
            errors.Add(refusal.Field, refusal.Message);
        }

        return RequestOutcome.Invalid<NominationDetails>(errors);
    }

    private sealed record TargetFacts(NominationTarget Target, string? Title, string? OwnerId);

    /// <summary>The facts the nomination rules read about a contact; <paramref name="except"/> is a nomination not to count as open (the one reopened).</summary>
    private async Task<TargetFacts?> TargetAsync(int contactId, int? except, CancellationToken cancellationToken)
    {
        var row = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new
            {
                c.Id,
                c.FirstName,
                c.LastName,
                c.Title,
                c.AccountId,
                AccountName = c.Account!.Name,
                c.Account.Relationship,
                c.Account.DisclosurePermission,
                c.Account.OwnerId,
                AdvocateStatus = db.Advocates.Where(a => a.ContactId == c.Id).Select(a => (AdvocateStatus?)a.Status).FirstOrDefault(),
                Open = db.Nominations.Where(n => n.ContactId == c.Id && n.Id != (except ?? 0) && NominationRules.Open.Contains(n.Status))
                    .Select(n => new { n.Id, n.Status }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        // The same gates (and sentences) as the account page, matching and discovery.
        List<string> gates = [];
        if (await ReadinessQueries.AccountStateAsync(db, row.AccountId, cancellationToken) is { } state)
        {
            var policy = await new ProgramSettingsService(db, clock).FatiguePolicyAsync(cancellationToken);
            gates = [.. ReadinessService.Readiness(policy, state, row.AccountName, Today).Gates.Where(g => g.Kind != GateKind.NoPublicity).Select(g => g.Sentence)];
        }

        return new TargetFacts(
                new NominationTarget(row.Id, PersonName(row.FirstName, row.LastName), row.AccountId, row.AccountName)
                {
                    Relationship = row.Relationship,
                    DisclosurePermission = row.DisclosurePermission,
                    AdvocateStatus = row.AdvocateStatus,
                    OpenNominationId = row.Open?.Id,
                    OpenNominationStatus = row.Open?.Status,
                    Gates = gates,
                },
                row.Title,
                row.OwnerId);
    }

    private sealed record Owner(string Id, string Name);

    private async Task<Owner?> ActiveOwnerAsync(string? ownerId, CancellationToken cancellationToken)
    {
        if (ownerId is null)
        {
            return null;
        }

        var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.IsActive).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        return owner is null ? null : new Owner(owner.Id, owner.DisplayName);
    }

    private async Task<IReadOnlyList<string>> ReferenceManagersAsync(CancellationToken cancellationToken) =>
        await db.UserRoles.AsNoTracking()
            .Join(db.Roles.Where(r => r.Name == Roles.ReferenceManager), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, _) => id)
            .Distinct().ToListAsync(cancellationToken);

    private async Task TellNominatorAsync(Nomination n, string title, string body, RequestActor by, CancellationToken cancellationToken, string? link = null)
    {
        if (n.NominatorId != by.UserId && await db.Users.AnyAsync(u => u.Id == n.NominatorId, cancellationToken))
        {
            await notifier.NotifyAsync(n.NominatorId, title, body, link ?? Link(n.Id), sendEmail: true, cancellationToken);
        }
    }

    private async Task<string> ContactNameAsync(int contactId, CancellationToken cancellationToken)
    {
        var c = await db.Contacts.AsNoTracking().Where(x => x.Id == contactId).Select(x => new { x.FirstName, x.LastName }).FirstAsync(cancellationToken);
        return PersonName(c.FirstName, c.LastName);
    }

    /// <summary>The actor with their display name, for the history and the messages.</summary>
    private async Task<RequestActor> NamedAsync(RequestActor actor, CancellationToken cancellationToken)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(name) ? actor : actor with { Name = name };
    }

    private NominationEvent Event(int nominationId, string from, NominationStatus to, RequestActor actor, string? note) => new()
    {
        NominationId = nominationId,
        From = from,
        To = to.ToString(),
        At = clock.GetUtcNow(),
        ById = actor.UserId,
        ByName = actor.Name,
        Note = note is { Length: > 2000 } ? note[..2000] : note,
    };

    public static string Kind(NominationKind kind) => kind == NominationKind.PocketReference ? "Pocket reference" : "Happy customer";

    public static string Link(int id) => $"/nominations/{id}";

    private static string PersonName(string? first, string? last) => string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n)));
}
