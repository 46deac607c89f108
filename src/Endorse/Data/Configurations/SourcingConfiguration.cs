using Endorse.Readiness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class AccountGateConfiguration : IEntityTypeConfiguration<AccountGate>
{
    public void Configure(EntityTypeBuilder<AccountGate> builder)
    {
        builder.Property(g => g.Reason).HasMaxLength(1000);
        builder.Property(g => g.LiftReason).HasMaxLength(1000);
        builder.Property(g => g.SetById).HasMaxLength(450);
        builder.Property(g => g.SetByName).HasMaxLength(256);
        builder.Property(g => g.LiftedById).HasMaxLength(450);
        builder.Property(g => g.LiftedByName).HasMaxLength(256);
        builder.HasIndex(g => new { g.AccountId, g.StartsOn });
        builder.HasIndex(g => new { g.Kind, g.EndsOn });
        builder.HasIndex(g => g.EndsOn);
        builder.HasIndex(g => g.UpdatedAt);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(g => g.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class WishListEntryConfiguration : IEntityTypeConfiguration<WishList.WishListEntry>
{
    public void Configure(EntityTypeBuilder<WishList.WishListEntry> builder)
    {
        builder.ToTable("WishListEntries");
        builder.Property(w => w.WisherId).HasMaxLength(450);
        builder.Property(w => w.WisherName).HasMaxLength(256);
        builder.Property(w => w.DealOrSegment).HasMaxLength(300);
        builder.Property(w => w.Currency).HasMaxLength(3);
        builder.Property(w => w.Value).HasPrecision(18, 2);
        builder.Property(w => w.Why).HasMaxLength(2000);
        builder.Property(w => w.OwnerId).HasMaxLength(450);
        builder.Property(w => w.OwnerName).HasMaxLength(256);
        builder.Property(w => w.NextStep).HasMaxLength(500);
        builder.Property(w => w.ParkedReason).HasMaxLength(1000);
        builder.HasIndex(w => w.OpenAccountId).IsUnique();
        builder.HasIndex(w => new { w.AccountId, w.CreatedAt });
        builder.HasIndex(w => new { w.Stage, w.CreatedAt });
        builder.HasIndex(w => new { w.WisherId, w.CreatedAt });
        builder.HasIndex(w => new { w.OwnerId, w.CreatedAt });
        builder.HasIndex(w => w.UpdatedAt);
        builder.HasOne(w => w.Account).WithMany().HasForeignKey(w => w.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Opportunities.Opportunity>().WithMany().HasForeignKey(w => w.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(w => w.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class OnboardingPlanConfiguration : IEntityTypeConfiguration<Onboarding.OnboardingPlan>
{
    public void Configure(EntityTypeBuilder<Onboarding.OnboardingPlan> builder)
    {
        builder.Property(p => p.OwnerId).HasMaxLength(450);
        builder.HasIndex(p => p.AccountId).IsUnique();
        builder.HasIndex(p => new { p.Outcome, p.AccountId });
        builder.HasIndex(p => p.UpdatedAt);
        builder.HasOne(p => p.Account).WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.CheckIns).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<Onboarding.CheckIn>
{
    public void Configure(EntityTypeBuilder<Onboarding.CheckIn> builder)
    {
        builder.Property(c => c.CompletedById).HasMaxLength(450);
        builder.Property(c => c.CompletedByName).HasMaxLength(256);
        builder.Property(c => c.Notes).HasMaxLength(4000);
        builder.HasIndex(c => new { c.CompletedOn, c.DueOn });
        builder.HasIndex(c => new { c.PlanId, c.Kind });
        builder.HasIndex(c => new { c.AccountId, c.DueOn });
        builder.Property(c => c.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class ExecutiveProgramConfiguration : IEntityTypeConfiguration<ExecutivePrograms.ExecutiveProgram>
{
    public void Configure(EntityTypeBuilder<ExecutivePrograms.ExecutiveProgram> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.NameSearch).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.OwnerId).HasMaxLength(450);
        builder.HasIndex(p => new { p.NameSearch, p.Id });
        builder.HasIndex(p => new { p.Kind, p.NameSearch });
        builder.Property(p => p.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class ExecutiveProgramEventConfiguration : IEntityTypeConfiguration<ExecutivePrograms.ExecutiveProgramEvent>
{
    public void Configure(EntityTypeBuilder<ExecutivePrograms.ExecutiveProgramEvent> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Location).HasMaxLength(200);
        builder.Property(e => e.Notes).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ProgramId, e.HeldOn });
        builder.HasOne<ExecutivePrograms.ExecutiveProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExecutiveEventAttendanceConfiguration : IEntityTypeConfiguration<ExecutivePrograms.ExecutiveEventAttendance>
{
    public void Configure(EntityTypeBuilder<ExecutivePrograms.ExecutiveEventAttendance> builder)
    {
        builder.HasKey(a => new { a.EventId, a.MemberId });
        builder.HasIndex(a => a.MemberId);
        builder.HasOne<ExecutivePrograms.ExecutiveProgramEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExecutivePrograms.ExecutiveProgramMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ExecutiveProgramMemberConfiguration : IEntityTypeConfiguration<ExecutivePrograms.ExecutiveProgramMember>
{
    public void Configure(EntityTypeBuilder<ExecutivePrograms.ExecutiveProgramMember> builder)
    {
        builder.Property(m => m.CompanyExecutiveId).HasMaxLength(450);
        builder.Property(m => m.Notes).HasMaxLength(2000);
        builder.HasIndex(m => new { m.ProgramId, m.ContactId });
        builder.HasIndex(m => m.ContactId);
        builder.HasIndex(m => m.AccountId);
        builder.HasIndex(m => m.CompanyExecutiveId);
        builder.HasIndex(m => m.UpdatedAt);
        builder.HasOne<ExecutivePrograms.ExecutiveProgram>().WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Contact).WithMany().HasForeignKey(m => m.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class ExecutiveCommitmentConfiguration : IEntityTypeConfiguration<ExecutivePrograms.ExecutiveCommitment>
{
    public void Configure(EntityTypeBuilder<ExecutivePrograms.ExecutiveCommitment> builder)
    {
        builder.Property(c => c.Description).HasMaxLength(1000);
        builder.Property(c => c.Outcome).HasMaxLength(1000);
        builder.HasIndex(c => new { c.Status, c.DueOn });
        builder.HasIndex(c => new { c.ProgramId, c.DueOn });
        builder.HasIndex(c => c.MemberId);
        builder.HasOne<ExecutivePrograms.ExecutiveProgramMember>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class HygieneAnswerConfiguration : IEntityTypeConfiguration<Hygiene.HygieneAnswer>
{
    public void Configure(EntityTypeBuilder<Hygiene.HygieneAnswer> builder)
    {
        builder.Property(a => a.Evidence).HasMaxLength(2000);
        builder.Property(a => a.ById).HasMaxLength(450);
        builder.Property(a => a.ByName).HasMaxLength(256);
        builder.HasIndex(a => new { a.Question, a.AnsweredOn });
        builder.HasIndex(a => a.AnsweredOn);
    }
}

internal sealed class AdvocacyKitConfiguration : IEntityTypeConfiguration<Hygiene.AdvocacyKit>
{
    public void Configure(EntityTypeBuilder<Hygiene.AdvocacyKit> builder)
    {
        builder.ToTable("AdvocacyKit");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Title).HasMaxLength(200);
        builder.Property(k => k.Body).HasMaxLength(20000);
        builder.Property(k => k.UpdatedById).HasMaxLength(450);
        builder.Property(k => k.UpdatedByName).HasMaxLength(256);
        builder.Property(k => k.UpdatedAt).IsConcurrencyToken();
    }
}
