using System.Data.Common;
using System.Runtime.CompilerServices;
using Endorse.AccessTokens;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Matching;
using Endorse.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Endorse.Data;

/// <summary>
/// A process-wide counter that moves whenever a save touches who may do what: access tokens (but their last-used
/// stamp), users, roles, role grants and claims. Caches of authenticated callers compare it with the value they read
/// and re-read the database when it moved. It is per process (per node): other nodes learn of a change by their
/// caches' short lifetime, not by this counter.
/// </summary>
public static class SecuritySignal
{
    private static long version;

    public static long Version => Interlocked.Read(ref version);

    public static void Bump() => Interlocked.Increment(ref version);
}

/// <summary>
/// Watches every save of the <see cref="EndorseDbContext"/> (registered by <see cref="DatabaseSettings.Apply"/>):
/// <list type="bullet">
/// <item>a save that changes security data moves <see cref="SecuritySignal"/> before the save, after it and again when
/// an explicit transaction around it commits;</item>
/// <item>a save that changes what matching reads (advocates, their products, blackouts and activities, contacts,
/// accounts) adds <see cref="MatchChange"/> rows in the same save, so every node's match index learns of it from the
/// database (<see cref="MatchIndex"/> polls them).</item>
/// </list>
/// Bulk paths that write past EF Core (imports, the generator) are not seen here; the match index finds their rows by
/// their UpdatedAt stamps when an import finishes.
/// </summary>
public sealed class SaveSignals : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly SaveSignals Instance = new();

    private static readonly HashSet<string> IgnoredUserProperties = new(StringComparer.Ordinal)
    {
        nameof(EndorseUser.AccessFailedCount), nameof(EndorseUser.ConcurrencyStamp),
    };

    private readonly ConditionalWeakTable<DbContext, object> securityPending = [];

    private SaveSignals()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Inspect(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Inspect(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AfterSave(eventData?.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData?.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData?.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData?.Context);
        return Task.CompletedTask;
    }

    private void Inspect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var security = false;
        HashSet<(int? Advocate, int? Contact, int? Account)>? match = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            security |= TouchesSecurity(entry);
            if (context is EndorseDbContext && MatchKey(entry) is { } key)
            {
                (match ??= []).Add(key);
            }

            // An opportunity moved off an account (or deleted) changes the old account's readiness too.
            if (context is EndorseDbContext && entry.Entity is Opportunities.Opportunity && entry.State != EntityState.Added
                && entry.Property(nameof(Opportunities.Opportunity.AccountId)).OriginalValue is int previous)
            {
                (match ??= []).Add((null, null, previous));
            }
        }

        if (security)
        {
            SecuritySignal.Bump();
            securityPending.AddOrUpdate(context, this);
        }

        if (match is not null)
        {
            var changes = context.Set<MatchChange>();
            foreach (var (advocate, contact, account) in match)
            {
                changes.Add(new MatchChange { AdvocateId = advocate, ContactId = contact, AccountId = account });
            }
        }
    }

    private void AfterSave(DbContext? context)
    {
        if (context is not null && securityPending.TryGetValue(context, out _))
        {
            SecuritySignal.Bump();
            if (context.Database.CurrentTransaction is null)
            {
                securityPending.Remove(context);
            }
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && securityPending.Remove(context))
        {
            SecuritySignal.Bump();
        }
    }

    private static bool TouchesSecurity(EntityEntry entry) => entry.Entity switch
    {
        AccessToken => entry.State != EntityState.Added && (entry.State == EntityState.Deleted || entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(AccessToken.LastUsedAt))),
        EndorseUser => entry.State != EntityState.Added && (entry.State == EntityState.Deleted || entry.Properties.Any(p => p.IsModified && !IgnoredUserProperties.Contains(p.Metadata.Name))),
        IdentityUserRole<string> or IdentityUserClaim<string> or IdentityRoleClaim<string> or IdentityRole => true,
        _ => false,
    };

    /// <summary>What a change means for matching: the advocate, contact or account whose facts it changes.</summary>
    private static (int? Advocate, int? Contact, int? Account)? MatchKey(EntityEntry entry) => entry.Entity switch
    {
        // A new advocate has no id before the insert: the index finds them by their contact.
        Advocate a => entry.State == EntityState.Added ? (a.ContactId > 0 ? (null, a.ContactId, null) : null) : (a.Id, null, null),

        // Products and blackouts of a new advocate (id 0 until the insert) come with the advocate's own row.
        AdvocateProduct p when p.AdvocateId > 0 => (p.AdvocateId, null, null),
        AdvocateBlackout b when b.AdvocateId > 0 => (b.AdvocateId, null, null),
        AdvocacyActivity act => (act.AdvocateId, null, null),
        Contact c when entry.State != EntityState.Added => (null, c.Id, null),
        Account acc when entry.State != EntityState.Added => (null, null, acc.Id),

        // Readiness facts outside the account row: an account's opportunities (big bids) and the gates set on it.
        Readiness.AccountGate g => (null, null, g.AccountId),
        Opportunities.Opportunity o when o.AccountId is { } account => (null, null, account),

        // The fatigue policy or the weights: a row naming nothing.
        Settings.ProgramSettings => (null, null, null),
        _ => null,
    };
}
