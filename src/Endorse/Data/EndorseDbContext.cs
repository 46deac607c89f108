using Endorse.AccessTokens;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Audit;
using Endorse.Contacts;
using Endorse.Import;
using Endorse.Notifications;
using Endorse.Opportunities;
using Endorse.Products;
using Endorse.Requests;
using Endorse.Settings;
using Endorse.Taxonomy;
using Endorse.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Data;

public class EndorseDbContext(DbContextOptions<EndorseDbContext> options, ICurrentActor? actor = null, TimeProvider? clock = null)
    : IdentityDbContext<EndorseUser>(options), IDataProtectionKeyContext
{
    private readonly ICurrentActor actor = actor ?? new SystemActor();
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountProduct> AccountProducts => Set<AccountProduct>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<SalesArea> SalesAreas => Set<SalesArea>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();
    public DbSet<ImportRunEvent> ImportRunEvents => Set<ImportRunEvent>();
    public DbSet<ImportWarning> ImportWarnings => Set<ImportWarning>();
    public DbSet<ImportSeenValue> ImportSeenValues => Set<ImportSeenValue>();
    public DbSet<ImportValueMapping> ImportValueMappings => Set<ImportValueMapping>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboundMail> OutboundMails => Set<OutboundMail>();

    public DbSet<Advocate> Advocates => Set<Advocate>();
    public DbSet<AdvocateProduct> AdvocateProducts => Set<AdvocateProduct>();
    public DbSet<AdvocateBlackout> AdvocateBlackouts => Set<AdvocateBlackout>();
    public DbSet<AdvocateStatusChange> AdvocateStatusChanges => Set<AdvocateStatusChange>();
    public DbSet<ReferenceRequest> ReferenceRequests => Set<ReferenceRequest>();
    public DbSet<RequestParticipant> RequestParticipants => Set<RequestParticipant>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<AdvocacyActivity> AdvocacyActivities => Set<AdvocacyActivity>();
    public DbSet<ProgramSettings> ProgramSettings => Set<ProgramSettings>();
    public DbSet<Readiness.AccountGate> AccountGates => Set<Readiness.AccountGate>();
    public DbSet<WishList.WishListEntry> WishListEntries => Set<WishList.WishListEntry>();
    public DbSet<Onboarding.OnboardingPlan> OnboardingPlans => Set<Onboarding.OnboardingPlan>();
    public DbSet<Onboarding.CheckIn> CheckIns => Set<Onboarding.CheckIn>();
    public DbSet<ExecutivePrograms.ExecutiveProgram> ExecutivePrograms => Set<ExecutivePrograms.ExecutiveProgram>();
    public DbSet<ExecutivePrograms.ExecutiveProgramEvent> ExecutiveProgramEvents => Set<ExecutivePrograms.ExecutiveProgramEvent>();
    public DbSet<ExecutivePrograms.ExecutiveEventAttendance> ExecutiveEventAttendances => Set<ExecutivePrograms.ExecutiveEventAttendance>();
    public DbSet<ExecutivePrograms.ExecutiveProgramMember> ExecutiveProgramMembers => Set<ExecutivePrograms.ExecutiveProgramMember>();
    public DbSet<ExecutivePrograms.ExecutiveCommitment> ExecutiveCommitments => Set<ExecutivePrograms.ExecutiveCommitment>();
    public DbSet<Hygiene.HygieneAnswer> HygieneAnswers => Set<Hygiene.HygieneAnswer>();
    public DbSet<Hygiene.AdvocacyKit> AdvocacyKits => Set<Hygiene.AdvocacyKit>();
    public DbSet<Nominations.Nomination> Nominations => Set<Nominations.Nomination>();
    public DbSet<Nominations.NominationEvent> NominationEvents => Set<Nominations.NominationEvent>();
    public DbSet<Objections.PlaybookAnswer> PlaybookAnswers => Set<Objections.PlaybookAnswer>();
    public DbSet<Objections.ServiceEscalation> ServiceEscalations => Set<Objections.ServiceEscalation>();

    /// <summary>Cookie and antiforgery keys, shared by every app node through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The clock this context stamps changes with, for writes made past the change tracker.</summary>
    public TimeProvider Clock => clock;

    /// <summary>The name of who is acting (a person, a token's user, or "system"), for records that name their maker.</summary>
    public string? ActorName => actor.UserName;

    /// <summary>Set false for bulk work (imports, the data generator) that writes its own summary audit entry.</summary>
    public bool AuditEachChange { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EndorseDbContext).Assembly);

        if (Database.IsSqlite())
        {
            // SQLite has no native DateTimeOffset or decimal ordering; store them in forms that sort correctly.
            SqliteConventions.Apply(builder);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var audit = BeforeSave();
        var result = base.SaveChanges(acceptAllChangesOnSuccess);
        if (AfterSave(audit))
        {
            base.SaveChanges(acceptAllChangesOnSuccess);
        }

        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var audit = BeforeSave();
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (AfterSave(audit))
        {
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return result;
    }

    /// <summary>Records an action that is not a plain property change (a role granted, a token revoked, an import finished).</summary>
    public void Audit(string entityType, string entityId, string action, string? changes = null) =>
        AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Changes = changes,
        });

    private List<PendingAudit> BeforeSave()
    {
        var now = clock.GetUtcNow();
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            SearchColumns.Refresh(entry.Entity);
            Timestamps.Touch(entry, now);

            if (AuditEachChange && entry.Entity is IAudited && AuditTrail.Capture(entry) is { } audit
                && !(audit.Action == "Updated" && audit.Changes is null))
            {
                // An update that changed nothing but the version (a row touched so its concurrency token guards a change
                // elsewhere) records nothing new: no entry.
                pending.Add(audit);
            }
        }

        return pending;
    }

    /// <summary>Writes audit entries once the ids of new rows are known. Returns true when there is something to save.</summary>
    private bool AfterSave(List<PendingAudit> pending)
    {
        if (pending.Count == 0)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        foreach (var item in pending)
        {
            AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                EntityType = item.EntityType,
                EntityId = item.Entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = item.Action,
                Changes = item.Changes,
            });
        }

        return true;
    }
}
