using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Requests;
using Endorse.Settings;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Advocates;

/// <summary>
/// Enrols contacts as advocates, changes their profile and status, and reads the advocate list and page. Every change
/// is passed to the <see cref="MatchIndex"/>, so the next ranking sees it at once.
/// </summary>
public sealed class AdvocateService(EndorseDbContext db, AdvocateValidator validator, AccountService accounts, ProgramSettingsService settings, TimeProvider clock, MatchIndex matchIndex)
{
    /// <summary>Days of activity history the gauge and the timeline read.</summary>
    public const int HistoryDays = 365;

    private static readonly BlockReasons GateReasons = GateBlocks.All;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The filtered, sorted list rows (not yet paged): the CSV export's order, the list's order without a search.</summary>
    public IQueryable<AdvocateListRow> Query(AdvocateFilter filter, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var advocates = Matching(filter);
        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            var upper = SearchText.UpperBound(search);
            advocates = advocates.Where(a =>
                (string.Compare(a.Contact!.NameSearch, search) >= 0 && string.Compare(a.Contact.NameSearch, upper) < 0)
                || (string.Compare(a.Contact!.FirstNameSearch, search) >= 0 && string.Compare(a.Contact.FirstNameSearch, upper) < 0));
        }

        advocates = descending
            ? advocates.OrderByDescending(a => a.Contact!.NameSearch).ThenByDescending(a => a.ContactId)
            : advocates.OrderBy(a => a.Contact!.NameSearch).ThenBy(a => a.ContactId);

        return Rows(advocates);
    }

    /// <summary>
    /// One page of the list, sorted by the contact's last name (then first-name-only matches of a search, by first name,
    /// as the contact list does). It walks the contacts' name index and keeps the contacts that have a matching advocate
    /// (an EXISTS per contact), then reads the page's rows by key: joining advocates to contacts and sorting made SQLite
    /// read the contact of every one of 100,000 advocates for each page. Without a search the total counts advocates alone.
    /// </summary>
    public async Task<Page<AdvocateListRow>> ListAsync(AdvocateFilter filter, PageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(request);
        var advocates = Matching(filter);
        var contacts = db.Contacts.AsNoTracking().Where(c => advocates.Any(a => a.ContactId == c.Id));
        var search = SearchText.Normalize(filter.Search);
        Page<int> page;
        if (search.Length == 0)
        {
            var counted = await advocates.Take(PageRequest.CountCap + 1).CountAsync(cancellationToken);
            var ids = await Sorted(contacts, c => c.NameSearch, request.Descending).Select(c => c.Id)
                .Skip(request.Skip).Take(request.SafePageSize).ToListAsync(cancellationToken);
            page = new Page<int>(ids, Math.Min(counted, PageRequest.CountCap), counted > PageRequest.CountCap, request.SafePage, request.SafePageSize);
        }
        else
        {
            var upper = SearchText.UpperBound(search);
            var byLastName = contacts.WherePrefix(c => c.NameSearch, search);
            var byFirstNameOnly = contacts.WherePrefix(c => c.FirstNameSearch, search)
                .Where(c => !(string.Compare(c.NameSearch, search) >= 0 && string.Compare(c.NameSearch, upper) < 0));
            page = await Sorted(byLastName, c => c.NameSearch, request.Descending).Select(c => c.Id)
                .ToPageAsync(Sorted(byFirstNameOnly, c => c.FirstNameSearch, request.Descending).Select(c => c.Id), request, cancellationToken);
        }

        var contactIds = page.Items.ToList();
        var rows = await Rows(db.Advocates.AsNoTracking().Where(a => contactIds.Contains(a.ContactId))).ToDictionaryAsync(r => r.ContactId, cancellationToken);
        return new Page<AdvocateListRow>([.. contactIds.Where(rows.ContainsKey).Select(id => rows[id])], page.Total, page.TotalIsCapped, page.PageNumber, page.PageSize);
    }

    /// <summary>Advocates matching the filters other than the search.</summary>
    private IQueryable<Advocate> Matching(AdvocateFilter filter)
    {
        var advocates = db.Advocates.AsNoTracking();
        if (filter.Status is { } status)
        {
            advocates = advocates.Where(a => a.Status == status);
        }

        if (filter.AccountId is { } accountId)
        {
            advocates = advocates.Where(a => a.AccountId == accountId);
        }

        if (filter.ActivityType is { } type)
        {
            var bit = ActivityTypeSet.Bit(type);
            advocates = advocates.Where(a => (a.ActivityTypes & bit) != 0);
        }

        if (filter.ProductId is { } productId)
        {
            advocates = advocates.Where(a => a.Products.Any(p => p.ProductId == productId));
        }

        return advocates;
    }

    private static IQueryable<Contacts.Contact> Sorted(IQueryable<Contacts.Contact> contacts, System.Linq.Expressions.Expression<Func<Contacts.Contact, string>> key, bool descending) =>
        descending ? contacts.OrderByDescending(key).ThenByDescending(c => c.Id) : contacts.OrderBy(key).ThenBy(c => c.Id);

    private static IQueryable<AdvocateListRow> Rows(IQueryable<Advocate> advocates) =>
        advocates.Select(a => new AdvocateListRow(
            a.Id, a.ContactId, a.Contact!.FirstName, a.Contact.LastName, a.Contact.Title, a.AccountId,
            a.Contact.Account!.Name,
            a.Status, a.RestingUntil, a.ActivityTypes, a.EnrolledAt));

    /// <summary>The advocate id of a contact, if enrolled.</summary>
    public Task<int?> AdvocateOfContactAsync(int contactId, CancellationToken cancellationToken = default) =>
        db.Advocates.AsNoTracking().Where(a => a.ContactId == contactId).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The advocate id of each enrolled contact among <paramref name="contactIds"/> (one page of a contact list).</summary>
    public async Task<IReadOnlyDictionary<int, int>> AdvocatesOfContactsAsync(IReadOnlyCollection<int> contactIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var ids = contactIds.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, int>()
            : await db.Advocates.AsNoTracking().Where(a => ids.Contains(a.ContactId)).ToDictionaryAsync(a => a.ContactId, a => a.Id, cancellationToken);
    }

    /// <summary>
    /// Only the reference team (reference managers and administrators) enrols contacts directly and changes an advocate's
    /// status; everyone else nominates (see Endorse.Nominations).
    /// </summary>
    public static bool MayEnrolAndChangeStatus(CustomerActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Roles.Contains(Roles.Administrator) || actor.Roles.Contains(Roles.ReferenceManager);
    }

    /// <summary>Reference managers and administrators manage every advocate; others follow the account's change rule.</summary>
    public async Task<bool> MayManageAsync(int accountId, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Roles.Contains(Roles.Administrator) || actor.Roles.Contains(Roles.ReferenceManager)
            || await accounts.CanChangeAsync(accountId, actor, cancellationToken);
    }

    /// <summary>
    /// The advocate page for <paramref name="reader"/>. The requests the advocate took part in are shown only when the
    /// reader may read them (<see cref="RequestVisibility"/>); the others are counted (<see cref="AdvocateDetails.OtherRequests"/>),
    /// and their activities stay in the usage timeline (they count against the caps) without the request's number or rating.
    /// </summary>
    public async Task<AdvocateDetails?> GetAsync(int id, CustomerActor reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var requestReader = new RequestActor(reader.UserId ?? string.Empty, null, reader.Roles);
        var head = await db.Advocates.AsNoTracking().Where(a => a.Id == id).Select(a => new
        {
            Advocate = a,
            a.Contact!.FirstName,
            a.Contact.LastName,
            a.Contact.Email,
            a.Contact.Title,
            Account = new
            {
                a.Contact.Account!.Name,
                a.Contact.Account.DisclosurePermission,
                a.Contact.Account.OpenEscalations,
                a.Contact.Account.SatisfactionKind,
                a.Contact.Account.SatisfactionScore,
                a.Contact.Account.RenewalOn,
            },
        }).FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var advocate = head.Advocate;
        var products = await db.AdvocateProducts.AsNoTracking().Where(p => p.AdvocateId == id)
            .Join(db.Products, p => p.ProductId, p => p.Id, (_, p) => new { p.Id, p.Name })
            .OrderBy(p => p.Name).Select(p => new NamedItem(p.Id, p.Name)).ToListAsync(cancellationToken);
        var blackouts = await db.AdvocateBlackouts.AsNoTracking().Where(b => b.AdvocateId == id).OrderBy(b => b.From)
            .Select(b => new BlackoutView(b.From, b.To, b.Reason)).ToListAsync(cancellationToken);
        var history = await db.AdvocateStatusChanges.AsNoTracking().Where(c => c.AdvocateId == id)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new StatusChangeView(c.From, c.To, c.RestingUntil, c.At, c.ByName, c.Reason)).ToListAsync(cancellationToken);

        var today = Today;
        var since = today.AddDays(-HistoryDays);
        var activities = await db.AdvocacyActivities.AsNoTracking().Where(a => a.AdvocateId == id)
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.Id).Take(200)
            .Select(a => new ActivityView(a.Id, a.ActivityType, a.OccurredOn, a.State, a.RequestId, a.Quality)).ToListAsync(cancellationToken);
        var readable = await RequestVisibility.ReadableIdsAsync(db, requestReader, activities.Select(a => a.RequestId).OfType<int>(), cancellationToken);
        var timeline = activities
            .Select(a => a.RequestId is { } requestId && !readable.Contains(requestId) ? a with { RequestId = null, Quality = null, RequestHidden = true } : a)
            .ToList();
        var participations = await db.RequestParticipants.AsNoTracking().Where(p => p.AdvocateId == id)
            .Join(db.ReferenceRequests.Readable(db, requestReader), p => p.RequestId, r => r.Id, (p, r) => new { p, r })
            .OrderByDescending(x => x.r.Id).Take(200)
            .Select(x => new ParticipationView(x.p.Id, x.r.Id, x.r.ActivityType, x.r.ProspectName, x.r.RequesterName, x.r.Status, x.p.Status, x.r.NeededBy, x.p.ScheduledStart, x.p.CreatedAt))
            .ToListAsync(cancellationToken);
        var readableRequests = db.ReferenceRequests.Readable(db, requestReader);
        var otherRequests = await db.RequestParticipants.AsNoTracking().Where(p => p.AdvocateId == id)
            .CountAsync(p => !readableRequests.Any(r => r.Id == p.RequestId), cancellationToken);

        // The activities that count: this advocate's and their account's, booked or completed, in the last year and ahead.
        var counted = await db.AdvocacyActivities.AsNoTracking()
            .Where(a => (a.AdvocateId == id || a.AccountId == advocate.AccountId)
                && a.OccurredOn >= since
                && (a.State == AdvocacyActivityState.Booked || a.State == AdvocacyActivityState.Completed))
            .Select(a => new ActivityRecord(a.OccurredOn, a.ActivityType, a.AdvocateId, a.AccountId))
            .ToListAsync(cancellationToken);

        var policy = await settings.FatiguePolicyAsync(cancellationToken);
        var preferences = new AdvocatePreferences
        {
            MaxActivitiesPerQuarter = advocate.MaxActivitiesPerQuarter,
            Blackouts = blackouts.Select(b => new DateRange(b.From, b.To)).ToList(),
            PreferredChannel = advocate.PreferredChannel,
        };
        var account = await Readiness.ReadinessQueries.AccountStateAsync(db, advocate.AccountId, cancellationToken) ?? new AccountState(advocate.AccountId)
        {
            OpenEscalations = head.Account.OpenEscalations,
            SatisfactionKind = head.Account.SatisfactionKind,
            SatisfactionScore = head.Account.SatisfactionScore,
            RenewalOn = head.Account.RenewalOn,
            DisclosurePermission = head.Account.DisclosurePermission,
        };
        var types = ActivityTypeSet.Expand(advocate.ActivityTypes);
        var gaugeType = types.Count > 0 ? types[0] : ActivityType.ReferenceCall;
        var result = FatigueCheck.Evaluate(policy, preferences, new AdvocateState(advocate.Id, advocate.Status, advocate.RestingUntil), account, counted, gaugeType, today);
        var gauge = new FatigueGauge(gaugeType, result.Headroom.Used, result.Headroom.Allowed, result.Headroom.WindowDays, result.Headroom.CalendarQuarter, result.Headroom.Ratio, result.NextFreeOn, result.Messages.ToList());
        var gates = result.Blocks.Where(b => (b.Reason & GateReasons) != 0).Select(b => new ReadinessGate(b.Reason, b.Message)).ToList();

        // A no-publicity account shows its gate even when the policy does not rest on it.
        if (account.DisclosurePermission == DisclosurePermission.NoPublicity && gates.All(g => g.Reason != BlockReasons.NoPublicity))
        {
            gates.Add(new ReadinessGate(BlockReasons.NoPublicity, new FatigueBlock(BlockReasons.NoPublicity, today).Message));
        }

        return new AdvocateDetails(
            advocate.Id, advocate.ContactId, head.FirstName, head.LastName, head.Email, head.Title, advocate.AccountId, head.Account.Name,
            head.Account.DisclosurePermission, head.Account.OpenEscalations, head.Account.SatisfactionKind, head.Account.SatisfactionScore, head.Account.RenewalOn,
            advocate.Status, advocate.RestingUntil, types, products, advocate.Languages, advocate.Topics, advocate.MaxActivitiesPerQuarter,
            blackouts, advocate.PreferredChannel, advocate.Notes, advocate.EnrolledAt, advocate.UpdatedAt, history, timeline, participations, gauge, gates)
        {
            OtherRequests = otherRequests,
        };
    }

    public async Task<CommandResult<AdvocateDetails>> EnrolAsync(AdvocateInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayEnrolAndChangeStatus(actor))
        {
            return CommandResult.Denied<AdvocateDetails>();
        }

        var errors = validator.Validate(input, await UnknownProductsAsync(input.ProductIds, cancellationToken));
        var contact = input.ContactId <= 0
            ? null
            : await db.Contacts.AsNoTracking().Where(c => c.Id == input.ContactId).Select(c => new { c.Id, c.AccountId }).FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            errors.Add("contactId", "Choose an existing contact.");
        }
        else if (await AdvocateOfContactAsync(contact.Id, cancellationToken) is { } existing)
        {
            errors.Add("contactId", $"This contact is already enrolled as advocate {existing}.");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<AdvocateDetails>(errors);
        }

        if (!await MayManageAsync(contact!.AccountId, actor, cancellationToken))
        {
            return CommandResult.Denied<AdvocateDetails>();
        }

        var advocate = Add(contact.Id, contact.AccountId, input, AdvocateStatus.Candidate, await ProductNamesAsync(input.ProductIds, cancellationToken), actor);
        try
        {
            await SaveEnrolmentsAsync([advocate], AdvocateStatus.Candidate, actor, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another enrolment of the same contact won the race (unique index on ContactId).
            return CommandResult.Invalid<AdvocateDetails>(new ValidationErrors().Add("contactId", "This contact is already enrolled."));
        }

        return CommandResult.Ok((await GetAsync(advocate.Id, actor, cancellationToken))!);
    }

    /// <summary>
    /// Enrols each contact with the same profile and starting status, in one transaction, and reports every contact:
    /// enrolled, already an advocate (left as they are), or skipped with the reason (unknown, not the actor's to change).
    /// </summary>
    public async Task<CommandResult<BulkEnrolResult>> BulkEnrolAsync(BulkEnrolInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayEnrolAndChangeStatus(actor))
        {
            return CommandResult.Denied<BulkEnrolResult>();
        }

        var profile = input.Profile ?? new AdvocateInput();
        var errors = validator.ValidateBulk(input);
        var profileErrors = validator.Validate(profile, await UnknownProductsAsync(profile.ProductIds, cancellationToken));
        foreach (var (field, messages) in profileErrors.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add("profile." + field, message);
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<BulkEnrolResult>(errors);
        }

        // A contact enrolled by someone else meanwhile fails the unique index: read again once, and report it as already enrolled.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await BulkEnrolOnceAsync(input.ContactIds.Distinct().ToList(), profile, input.InitialStatus, actor, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<CommandResult<BulkEnrolResult>> BulkEnrolOnceAsync(List<int> ids, AdvocateInput profile, AdvocateStatus status, CustomerActor actor, CancellationToken cancellationToken)
    {
        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.AccountId, c.FirstName, c.LastName }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var existing = await db.Advocates.AsNoTracking().Where(a => ids.Contains(a.ContactId)).Select(a => new { a.ContactId, a.Id }).ToDictionaryAsync(a => a.ContactId, a => a.Id, cancellationToken);
        var productNames = await ProductNamesAsync(profile.ProductIds, cancellationToken);
        var skipped = new List<BulkSkipped>();
        var already = new List<BulkEnrolled>();
        var added = new List<(int ContactId, string Name, Advocate Advocate)>();
        var allowed = new Dictionary<int, bool>();
        foreach (var id in ids)
        {
            if (!contacts.TryGetValue(id, out var contact))
            {
                skipped.Add(new BulkSkipped(id, null, "There is no such contact."));
                continue;
            }

            var name = string.IsNullOrWhiteSpace(contact.FirstName) ? contact.LastName : $"{contact.FirstName} {contact.LastName}";
            if (existing.TryGetValue(id, out var advocateId))
            {
                already.Add(new BulkEnrolled(id, name, advocateId));
                continue;
            }

            if (!allowed.TryGetValue(contact.AccountId, out var may))
            {
                allowed[contact.AccountId] = may = await MayManageAsync(contact.AccountId, actor, cancellationToken);
            }

            if (may)
            {
                added.Add((id, name, Add(id, contact.AccountId, profile, status, productNames, actor)));
            }
            else
            {
                skipped.Add(new BulkSkipped(id, name, "You may not change this contact's account."));
            }
        }

        if (added.Count == 0 && already.Count == 0 && skipped.Count > 0 && skipped.All(s => s.Reason.StartsWith("You may not", StringComparison.Ordinal)))
        {
            return CommandResult.Denied<BulkEnrolResult>();
        }

        await SaveEnrolmentsAsync(added.Select(a => a.Advocate).ToList(), status, actor, cancellationToken);
        return CommandResult.Ok(new BulkEnrolResult(added.Select(a => new BulkEnrolled(a.ContactId, a.Name, a.Advocate.Id)).ToList(), already, skipped));
    }

    /// <summary>
    /// Replaces the advocate's profile and preferences. It bumps the booking version, so a booking made at the same moment
    /// is checked again against the new preferences; when a booking or another change got in first, the update is made
    /// again on what is there now (a whole replacement: the last one saved wins, nothing is half applied).
    /// </summary>
    public async Task<CommandResult<AdvocateDetails>> UpdateAsync(int id, AdvocateInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await UpdateOnceAsync(id, input, actor, cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < 3 && DatabaseErrors.Classify(e) is DatabaseErrorKind.ChangedMeanwhile or DatabaseErrorKind.Contention)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<CommandResult<AdvocateDetails>> UpdateOnceAsync(int id, AdvocateInput input, CustomerActor actor, CancellationToken cancellationToken)
    {
        var advocate = await db.Advocates.Include(a => a.Products).Include(a => a.Blackouts).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (advocate is null)
        {
            return CommandResult.Missing<AdvocateDetails>();
        }

        if (!await MayManageAsync(advocate.AccountId, actor, cancellationToken))
        {
            return CommandResult.Denied<AdvocateDetails>();
        }

        var errors = validator.Validate(input, await UnknownProductsAsync(input.ProductIds, cancellationToken));
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<AdvocateDetails>(errors);
        }

        var productsBefore = advocate.Products.Select(p => p.ProductId).ToList();
        var blackoutsBefore = BlackoutText(advocate.Blackouts);
        Apply(advocate, input);
        var wanted = (input.ProductIds ?? []).Distinct().ToHashSet();
        advocate.Products.RemoveAll(p => !wanted.Contains(p.ProductId));
        foreach (var productId in wanted.Where(p => advocate.Products.All(x => x.ProductId != p)))
        {
            advocate.Products.Add(new AdvocateProduct { ProductId = productId });
        }

        db.AdvocateBlackouts.RemoveRange(advocate.Blackouts);
        advocate.Blackouts.Clear();
        advocate.Blackouts.AddRange(Blackouts(input));
        var names = await ProductNamesAsync([.. productsBefore, .. wanted], cancellationToken);
        advocate.RecordPartChange(nameof(Advocate.Products), ProductText(productsBefore, names), ProductText(wanted, names));
        advocate.RecordPartChange(nameof(Advocate.Blackouts), blackoutsBefore, BlackoutText(advocate.Blackouts));
        advocate.UpdatedAt = clock.GetUtcNow();
        advocate.BookingVersion++;
        await db.SaveChangesAsync(cancellationToken);
        matchIndex.Invalidate(id);
        return CommandResult.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    public async Task<CommandResult<AdvocateDetails>> ChangeStatusAsync(int id, StatusChangeInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var advocate = await db.Advocates.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (advocate is null)
        {
            return CommandResult.Missing<AdvocateDetails>();
        }

        if (!MayEnrolAndChangeStatus(actor))
        {
            return CommandResult.Denied<AdvocateDetails>();
        }

        var errors = validator.ValidateStatus(input, Today);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<AdvocateDetails>(errors);
        }

        if (input.Status == advocate.Status && input.RestingUntil == advocate.RestingUntil)
        {
            // What is there now already is what was asked for (perhaps someone made the same change a moment ago): a 409 saying so.
            return CommandResult.Refused<AdvocateDetails>($"The advocate is already {Describe(advocate.Status)}.");
        }

        var from = advocate.Status;
        advocate.Status = input.Status;
        advocate.RestingUntil = input.Status == AdvocateStatus.Resting ? input.RestingUntil : null;
        advocate.UpdatedAt = clock.GetUtcNow();
        db.AdvocateStatusChanges.Add(await ChangeAsync(advocate.Id, from, advocate.Status, advocate.RestingUntil, input.Reason, actor, cancellationToken));

        // The booking version moves with the status, so a booking at the same moment is checked again against it, and two
        // status changes at the same moment cannot both record a change "from" the same status.
        advocate.BookingVersion++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Stale<AdvocateDetails>();
        }

        matchIndex.Invalidate(id);
        return CommandResult.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    private Advocate Add(int contactId, int accountId, AdvocateInput input, AdvocateStatus status, IReadOnlyDictionary<int, string> productNames, CustomerActor actor)
    {
        var now = clock.GetUtcNow();
        var advocate = new Advocate
        {
            ContactId = contactId,
            AccountId = accountId,
            Status = status,
            EnrolledAt = now,
            EnrolledById = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(advocate, input);
        advocate.Products.AddRange((input.ProductIds ?? []).Distinct().Select(p => new AdvocateProduct { ProductId = p }));
        advocate.Blackouts.AddRange(Blackouts(input));
        advocate.RecordPartChange(nameof(Advocate.Products), null, ProductText(advocate.Products.Select(p => p.ProductId), productNames));
        advocate.RecordPartChange(nameof(Advocate.Blackouts), null, BlackoutText(advocate.Blackouts));
        db.Advocates.Add(advocate);
        return advocate;
    }

    /// <summary>Saves new advocates and the first entry of each one's status history, together.</summary>
    private async Task SaveEnrolmentsAsync(IReadOnlyList<Advocate> advocates, AdvocateStatus status, CustomerActor actor, CancellationToken cancellationToken)
    {
        if (advocates.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var advocate in advocates)
        {
            db.AdvocateStatusChanges.Add(await ChangeAsync(advocate.Id, null, status, null, "Enrolled", actor, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var advocate in advocates)
        {
            matchIndex.Invalidate(advocate.Id);
        }
    }

    private (string? Id, string? Name)? actorName;

    private async Task<AdvocateStatusChange> ChangeAsync(int advocateId, AdvocateStatus? from, AdvocateStatus to, DateOnly? restingUntil, string? reason, CustomerActor actor, CancellationToken cancellationToken)
    {
        if (actorName is null || actorName.Value.Id != actor.UserId)
        {
            var found = actor.UserId is null
                ? "system"
                : await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
            actorName = (actor.UserId, found);
        }

        var name = actorName.Value.Name;
        return new AdvocateStatusChange
        {
            AdvocateId = advocateId,
            From = from,
            To = to,
            RestingUntil = restingUntil,
            At = clock.GetUtcNow(),
            ById = actor.UserId,
            ByName = name,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
    }

    private async Task<IReadOnlyCollection<int>> UnknownProductsAsync(List<int>? productIds, CancellationToken cancellationToken)
    {
        var ids = (productIds ?? []).Distinct().ToList();
        if (ids.Count == 0 || ids.Count > AdvocateValidator.MaxProducts)
        {
            return [];
        }

        var known = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return ids.Except(known).ToList();
    }

    private static void Apply(Advocate advocate, AdvocateInput input)
    {
        advocate.ActivityTypes = ActivityTypeSet.Of(input.ActivityTypes ?? []);
        advocate.Languages = Languages(input.Languages);
        advocate.Topics = NullIfBlank(input.Topics);
        advocate.MaxActivitiesPerQuarter = input.MaxActivitiesPerQuarter;
        advocate.PreferredChannel = input.PreferredChannel;
        advocate.Notes = NullIfBlank(input.Notes);
    }

    private static IEnumerable<AdvocateBlackout> Blackouts(AdvocateInput input) =>
        (input.Blackouts ?? []).OrderBy(b => b.From).Select(b => new AdvocateBlackout { From = b.From, To = b.To, Reason = NullIfBlank(b.Reason) });

    /// <summary>"2026-07-01 to 2026-07-14 (Holiday); 2026-12-24 to 2026-12-31" for the audit log; null when there are none.</summary>
    private static string? BlackoutText(IEnumerable<AdvocateBlackout> blackouts)
    {
        var parts = blackouts.OrderBy(b => b.From).ThenBy(b => b.To)
            .Select(b => $"{FatigueText.Date(b.From)} to {FatigueText.Date(b.To)}" + (b.Reason is null ? "" : $" ({b.Reason})")).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? ProductText(IEnumerable<int> ids, IReadOnlyDictionary<int, string> names)
    {
        var parts = ids.Distinct().Select(id => names.TryGetValue(id, out var name) ? name : $"#{id}").Order(StringComparer.Ordinal).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private async Task<IReadOnlyDictionary<int, string>> ProductNamesAsync(IEnumerable<int>? productIds, CancellationToken cancellationToken)
    {
        var ids = (productIds ?? []).Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }

    /// <summary>"English, German ", "en, de" → "en,de": the ISO 639-1 codes the validator accepted.</summary>
    public static string? Languages(string? value) => Formatting.Languages.Store(Formatting.Languages.Parse(value).Codes);

    /// <summary>A status in words, for refusals.</summary>
    public static string Describe(AdvocateStatus status) => status switch
    {
        AdvocateStatus.DoNotContact => "marked do-not-contact",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
