using System.Globalization;
using System.Runtime.CompilerServices;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Discovery;
using Endorse.Listing;
using Endorse.Notifications;
using Endorse.Opportunities;
using Endorse.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Endorse.WishList;

/// <summary>
/// The wish list: sales add the customers they wish were references; the reference manager works them like a pipeline;
/// the wisher is told when a contact of the account becomes an advocate. Every change is audited.
/// </summary>
public sealed class WishListService(EndorseDbContext db, TimeProvider clock, Notifier notifier, DiscoveryIndex discovery)
{
    public const decimal MaxValue = 9_999_999_999_999m;

    public IQueryable<WishRow> Query(WishFilter filter, string? sort = null, bool descending = false, int? id = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var wishes = db.WishListEntries.AsNoTracking();
        if (id is { } only)
        {
            wishes = wishes.Where(w => w.Id == only);
        }

        if (filter.Stage is { } stage)
        {
            wishes = wishes.Where(w => w.Stage == stage);
        }

        if (filter.OpenOnly)
        {
            wishes = wishes.Where(w => w.OpenAccountId != null);
        }

        if (!string.IsNullOrEmpty(filter.WisherId))
        {
            wishes = wishes.Where(w => w.WisherId == filter.WisherId);
        }

        if (!string.IsNullOrEmpty(filter.OwnerId))
        {
            wishes = wishes.Where(w => w.OwnerId == filter.OwnerId);
        }

        if (filter.AccountId is { } accountId)
        {
            wishes = wishes.Where(w => w.AccountId == accountId);
        }

        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            var upper = SearchText.UpperBound(search);
            wishes = wishes.Where(w => db.Accounts.Any(a => a.Id == w.AccountId && string.Compare(a.NameSearch, search) >= 0 && string.Compare(a.NameSearch, upper) < 0));
        }

        wishes = (sort ?? WishSorts.Newest) switch
        {
            WishSorts.Value => descending ? wishes.OrderBy(w => w.Value).ThenBy(w => w.Id) : wishes.OrderByDescending(w => w.Value).ThenByDescending(w => w.Id),
            WishSorts.NextStep => descending ? wishes.OrderByDescending(w => w.NextStepDue).ThenByDescending(w => w.Id) : wishes.OrderBy(w => w.NextStepDue == null).ThenBy(w => w.NextStepDue).ThenBy(w => w.Id),
            WishSorts.Account => descending ? wishes.OrderByDescending(w => w.Account!.NameSearch).ThenByDescending(w => w.Id) : wishes.OrderBy(w => w.Account!.NameSearch).ThenBy(w => w.Id),
            _ => descending ? wishes.OrderBy(w => w.CreatedAt).ThenBy(w => w.Id) : wishes.OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id),
        };

        return wishes.Select(w => new WishRow(
            w.Id, w.AccountId, w.Account!.Name, w.WisherId, w.WisherName, w.DealOrSegment, w.OpportunityId,
            db.Opportunities.Where(o => o.Id == w.OpportunityId).Select(o => o.Name).FirstOrDefault(),
            w.Value, w.Currency, w.Why, w.Stage, w.OwnerId, w.OwnerName, w.NextStep, w.NextStepDue, w.ParkedReason, w.ConvertedAt, w.AdvocateId, w.CreatedAt, w.UpdatedAt));
    }

    public Task<Page<WishRow>> ListAsync(WishFilter filter, PageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Query(filter, request.Sort, request.Descending).ToPageAsync(request, cancellationToken);
    }

    public async IAsyncEnumerable<WishCsvRow> ExportAsync(WishFilter filter, string? sort, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var w in Query(filter, sort, descending).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new WishCsvRow(
                w.Id, w.AccountId, w.AccountName, Label(w.Stage), w.WisherName, w.DealOrSegment, w.OpportunityName, w.Value, w.Currency, w.Why, w.OwnerName,
                w.NextStep, w.NextStepDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.ParkedReason,
                w.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.ConvertedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.AdvocateId);
        }
    }

    public Task<WishRow?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        Query(new WishFilter(), id: id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Wishes and their value per stage, every stage listed.</summary>
    public async Task<IReadOnlyList<WishStageCount>> SummaryAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.WishListEntries.AsNoTracking().GroupBy(w => w.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count(), Value = g.Sum(w => w.Value ?? 0) }).ToListAsync(cancellationToken);
        return [.. Enum.GetValues<WishStage>().Select(s => rows.FirstOrDefault(r => r.Stage == s) is { } r ? new WishStageCount(s, r.Count, r.Value) : new WishStageCount(s, 0, 0))];
    }

    /// <summary>Adds a wish. Refused with a sentence when the account is not a customer, is already a reference, or is already wished for.</summary>
    public async Task<Outcome<WishRow>> CreateAsync(WishInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = Validate(input);
        var account = input.AccountId is { } accountId
            ? await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Id, a.Name, a.CustomerSince }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (input.AccountId is not null && account is null)
        {
            errors.Add("accountId", $"There is no account {input.AccountId}.");
        }

        await CheckOpportunityAsync(input.OpportunityId, errors, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<WishRow>(errors);
        }

        if (await RefusalAsync(account!.Id, account.Name, excludeEntry: null, cancellationToken) is { } refusal)
        {
            return Outcome.Refused<WishRow>(refusal);
        }

        var entry = new WishListEntry
        {
            AccountId = account.Id,
            OpenAccountId = account.Id,
            WisherId = actor.UserId,
            WisherName = await People.NameAsync(db, actor.UserId, cancellationToken) ?? actor.Name,
            DealOrSegment = input.DealOrSegment!.Trim(),
            OpportunityId = input.OpportunityId,
            Value = input.Value,
            Currency = Currency(input),
            Why = Blank(input.Why),
            Stage = WishStage.Wished,
        };
        db.WishListEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people wished for the same account at once: the unique open-wish index let one through.
            db.ChangeTracker.Clear();
            return Outcome.Refused<WishRow>(await RefusalAsync(account.Id, account.Name, null, cancellationToken) ?? $"{account.Name} was just added to the wish list by someone else.");
        }

        discovery.Invalidate(account.Id);
        return Outcome.Ok((await GetAsync(entry.Id, cancellationToken))!);
    }

    /// <summary>Changes what was wished (deal or segment, value, why): the wisher or a reference manager, while the wish is open.</summary>
    public async Task<Outcome<WishRow>> UpdateAsync(int id, WishInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var entry = await db.WishListEntries.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (entry is null)
        {
            return Outcome.Missing<WishRow>();
        }

        if (!actor.IsReferenceManager && entry.WisherId != actor.UserId)
        {
            return Outcome.Denied<WishRow>();
        }

        var errors = Validate(input with { AccountId = entry.AccountId });
        if (input.AccountId is { } other && other != entry.AccountId)
        {
            errors.Add("accountId", "A wish stays with its account; wish for the other account instead.");
        }

        await CheckOpportunityAsync(input.OpportunityId, errors, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<WishRow>(errors);
        }

        if (!entry.IsOpen)
        {
            return Outcome.Refused<WishRow>($"This wish is {Label(entry.Stage).ToLowerInvariant()}: it can no longer be changed.");
        }

        if (input.UpdatedAt is { } read && read != entry.UpdatedAt)
        {
            return Outcome.Stale<WishRow>("wish");
        }

        entry.DealOrSegment = input.DealOrSegment!.Trim();
        entry.OpportunityId = input.OpportunityId;
        entry.Value = input.Value;
        entry.Currency = Currency(input);
        entry.Why = Blank(input.Why);
        return await SaveAsync(entry, cancellationToken);
    }

    /// <summary>Moves a wish along the pipeline (reference managers): stage, owner, next step. Parking needs a reason; reopening checks the account again.</summary>
    public async Task<Outcome<WishRow>> UpdatePipelineAsync(int id, WishPipelineInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var entry = await db.WishListEntries.Include(w => w.Account).FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (entry is null)
        {
            return Outcome.Missing<WishRow>();
        }

        if (!actor.IsReferenceManager)
        {
            return Outcome.Denied<WishRow>();
        }

        var errors = new ValidationErrors()
            .MaxLength("nextStep", input.NextStep, "Next step", 500)
            .MaxLength("parkedReason", input.ParkedReason, "Reason", 1000);
        if (input.Stage is not { } stage)
        {
            errors.Add("stage", "Choose a stage.");
        }
        else
        {
            errors.Defined("stage", stage, "Stage");
            if (stage == WishStage.Advocate && entry.Stage != WishStage.Advocate)
            {
                errors.Add("stage", "Endorse moves a wish to Advocate itself when a contact of the account becomes an advocate.");
            }

            if (stage == WishStage.Parked && string.IsNullOrWhiteSpace(input.ParkedReason))
            {
                errors.Add("parkedReason", "Say why the wish is parked, so the wisher knows.");
            }
        }

        string? ownerName = null;
        if (!string.IsNullOrWhiteSpace(input.OwnerId))
        {
            ownerName = await People.NameAsync(db, input.OwnerId, cancellationToken);
            if (ownerName is null)
            {
                errors.Add("ownerId", "Choose an existing user as the owner.");
            }
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<WishRow>(errors);
        }

        if (input.UpdatedAt is { } read && read != entry.UpdatedAt)
        {
            return Outcome.Stale<WishRow>("wish");
        }

        if (entry.Stage == WishStage.Advocate && input.Stage != WishStage.Advocate)
        {
            return Outcome.Refused<WishRow>("This wish came true: a contact of the account is an advocate. It stays closed.");
        }

        var reopening = !entry.IsOpen && input.Stage != WishStage.Parked;
        if (reopening && await RefusalAsync(entry.AccountId, entry.Account!.Name, entry.Id, cancellationToken) is { } refusal)
        {
            return Outcome.Refused<WishRow>(refusal);
        }

        entry.Stage = input.Stage!.Value;
        entry.OpenAccountId = entry.IsOpen ? entry.AccountId : null;
        entry.OwnerId = string.IsNullOrWhiteSpace(input.OwnerId) ? null : input.OwnerId;
        entry.OwnerName = ownerName;
        entry.NextStep = Blank(input.NextStep);
        entry.NextStepDue = input.NextStepDue;
        entry.ParkedReason = entry.Stage == WishStage.Parked ? input.ParkedReason!.Trim() : null;
        return await SaveAsync(entry, cancellationToken);
    }

    /// <summary>Removes a wish made by mistake: the wisher while nobody has worked it yet, or a reference manager. Audited.</summary>
    public async Task<Outcome<bool>> DeleteAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var entry = await db.WishListEntries.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (entry is null)
        {
            return Outcome.Missing<bool>();
        }

        if (!actor.IsReferenceManager && entry.WisherId != actor.UserId)
        {
            return Outcome.Denied<bool>();
        }

        if (!actor.IsReferenceManager && entry.Stage != WishStage.Wished)
        {
            return Outcome.Refused<bool>($"The reference team is already working this wish ({Label(entry.Stage).ToLowerInvariant()}); ask them to park it instead.");
        }

        db.WishListEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        discovery.Invalidate(entry.AccountId);
        return Outcome.Ok(true);
    }

    /// <summary>
    /// Closes the open wishes whose account now has an advocate (one made active, or enrolled after the wish) and tells
    /// each wisher, the change and the notice in one save: a run that fails half-way sends nothing twice. Returns how many came true.
    /// </summary>
    public async Task<int> CheckConversionsAsync(CancellationToken cancellationToken = default)
    {
        var candidates = await db.WishListEntries
            .Where(w => w.OpenAccountId != null && db.Advocates.Any(a => a.AccountId == w.AccountId && (a.Status == AdvocateStatus.Active || a.EnrolledAt >= w.CreatedAt)))
            .Select(w => w.Id)
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in candidates)
        {
            db.ChangeTracker.Clear();
            var entry = await db.WishListEntries.Include(w => w.Account).FirstAsync(w => w.Id == id, cancellationToken);
            var advocate = await db.Advocates.AsNoTracking()
                .Where(a => a.AccountId == entry.AccountId && (a.Status == AdvocateStatus.Active || a.EnrolledAt >= entry.CreatedAt))
                .OrderByDescending(a => a.Status == AdvocateStatus.Active).ThenByDescending(a => a.EnrolledAt).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Contact!.FirstName, a.Contact.LastName })
                .FirstOrDefaultAsync(cancellationToken);
            if (advocate is null || !entry.IsOpen)
            {
                continue;
            }

            entry.Stage = WishStage.Advocate;
            entry.OpenAccountId = null;
            entry.ConvertedAt = clock.GetUtcNow();
            entry.AdvocateId = advocate.Id;
            var name = string.IsNullOrWhiteSpace(advocate.FirstName) ? advocate.LastName : $"{advocate.FirstName} {advocate.LastName}";
            try
            {
                if (entry.WisherId is { } wisher && await db.Users.AnyAsync(u => u.Id == wisher && u.IsActive, cancellationToken))
                {
                    await notifier.NotifyAsync(
                        wisher,
                        $"Your wish came true: {entry.Account!.Name} is now a reference",
                        $"You wished {entry.Account.Name} were a reference ({entry.DealOrSegment}). {name} is now an advocate in the program: ask for them in a reference request.",
                        $"/advocates/{advocate.Id}",
                        sendEmail: true,
                        cancellationToken);
                }
                else
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // changed by a person meanwhile: the next run looks again
            }

            discovery.Invalidate(entry.AccountId);
            count++;
        }

        db.ChangeTracker.Clear();
        return count;
    }

    /// <summary>Why a wish for the account is refused now (null when it may be made).</summary>
    private async Task<string?> RefusalAsync(int accountId, string accountName, int? excludeEntry, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).FirstAsync(cancellationToken);
        if (!CustomerRule.IsCustomer(account))
        {
            return CustomerRule.NotACustomer(accountName, account.Relationship, "only customers can be wished for as references");
        }

        var reference = await db.Advocates.AsNoTracking().Where(a => a.AccountId == accountId && a.Status == AdvocateStatus.Active)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Contact!.FirstName, a.Contact.LastName }).FirstOrDefaultAsync(cancellationToken);
        if (reference is not null)
        {
            var name = string.IsNullOrWhiteSpace(reference.FirstName) ? reference.LastName : $"{reference.FirstName} {reference.LastName}";
            return $"{accountName} is already a reference: {name} is an active advocate (advocate #{reference.Id}).";
        }

        var open = await db.WishListEntries.AsNoTracking().Where(w => w.OpenAccountId == accountId && w.Id != excludeEntry)
            .Select(w => new { w.Id, w.Stage, w.WisherName, w.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        return open is null
            ? null
            : $"{accountName} is already on the wish list: wish #{open.Id} ({Label(open.Stage).ToLowerInvariant()}), wished by {open.WisherName ?? "someone"} on {open.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.";
    }

    private async Task<Outcome<WishRow>> SaveAsync(WishListEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale<WishRow>("wish");
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<WishRow>("Another open wish for this account was made meanwhile; there can be one open wish an account.");
        }

        discovery.Invalidate(entry.AccountId);
        return Outcome.Ok((await GetAsync(entry.Id, cancellationToken))!);
    }

    private async Task CheckOpportunityAsync(int? opportunityId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (opportunityId is { } id && !await db.Opportunities.AnyAsync(o => o.Id == id, cancellationToken))
        {
            errors.Add("opportunityId", $"There is no opportunity {id}.");
        }
    }

    private static ValidationErrors Validate(WishInput input)
    {
        var errors = new ValidationErrors();
        if (input.AccountId is null)
        {
            errors.Add("accountId", "Choose the account you wish were a reference.");
        }

        errors.Required("dealOrSegment", input.DealOrSegment, "The deal or segment it would help", 300);
        errors.MaxLength("why", input.Why, "Why", 2000);
        if (input.Value is < 0 or > MaxValue)
        {
            errors.Add("value", "The value must be between 0 and 9,999,999,999,999.");
        }

        if (!string.IsNullOrWhiteSpace(input.Currency) && !OpportunityValidator.IsCurrencyCode(input.Currency.Trim()))
        {
            errors.Add("currency", "Currency must be a three-letter ISO 4217 code, such as EUR or USD.");
        }

        if (input.Value is not null && string.IsNullOrWhiteSpace(input.Currency))
        {
            errors.Add("currency", "Give the currency of the value.");
        }

        return errors;
    }

    private static string? Currency(WishInput input) => string.IsNullOrWhiteSpace(input.Currency) ? null : input.Currency.Trim().ToUpperInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Label(WishStage stage) => stage switch
    {
        WishStage.Wished => "Wished",
        WishStage.Researching => "Researching",
        WishStage.Approaching => "Approaching",
        WishStage.Nominated => "Nominated",
        WishStage.Advocate => "Became an advocate",
        WishStage.Parked => "Parked",
        _ => stage.ToString(),
    };
}
