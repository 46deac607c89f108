using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Requests;
using Endorse.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class AdvocateConfiguration : IEntityTypeConfiguration<Advocate>
{
    public void Configure(EntityTypeBuilder<Advocate> builder)
    {
        builder.Property(a => a.Languages).HasMaxLength(200);
        builder.Property(a => a.Topics).HasMaxLength(2000);
        builder.Property(a => a.TimeZone).HasMaxLength(64);
        builder.Property(a => a.Notes).HasMaxLength(4000);
        builder.Property(a => a.EnrolledById).HasMaxLength(450);
        builder.HasIndex(a => a.ContactId).IsUnique();
        builder.HasIndex(a => new { a.AccountId, a.Status });
        builder.HasIndex(a => a.Status);
        builder.Property(a => a.BookingVersion).IsConcurrencyToken();
        builder.HasOne(a => a.Contact).WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Products).WithOne().HasForeignKey(p => p.AdvocateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Blackouts).WithOne().HasForeignKey(b => b.AdvocateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdvocateProductConfiguration : IEntityTypeConfiguration<AdvocateProduct>
{
    public void Configure(EntityTypeBuilder<AdvocateProduct> builder)
    {
        builder.HasKey(p => new { p.AdvocateId, p.ProductId });
        builder.HasIndex(p => p.ProductId);
        builder.HasOne<Products.Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdvocateBlackoutConfiguration : IEntityTypeConfiguration<AdvocateBlackout>
{
    public void Configure(EntityTypeBuilder<AdvocateBlackout> builder)
    {
        builder.Property(b => b.Reason).HasMaxLength(500);
        builder.HasIndex(b => new { b.AdvocateId, b.From });
    }
}

internal sealed class AdvocateStatusChangeConfiguration : IEntityTypeConfiguration<AdvocateStatusChange>
{
    public void Configure(EntityTypeBuilder<AdvocateStatusChange> builder)
    {
        builder.Property(c => c.ById).HasMaxLength(450);
        builder.Property(c => c.ByName).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.HasIndex(c => new { c.AdvocateId, c.At });
        builder.HasOne<Advocate>().WithMany().HasForeignKey(c => c.AdvocateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferenceRequestConfiguration : IEntityTypeConfiguration<ReferenceRequest>
{
    public void Configure(EntityTypeBuilder<ReferenceRequest> builder)
    {
        builder.Property(r => r.RequesterId).HasMaxLength(450);
        builder.Property(r => r.RequesterName).HasMaxLength(256);
        builder.Property(r => r.ProspectName).HasMaxLength(255);
        builder.Property(r => r.Language).HasMaxLength(50);
        builder.Property(r => r.Notes).HasMaxLength(4000);
        builder.HasIndex(r => new { r.Status, r.NeededBy });

        // The board: open requests (most of the statuses) by needed-by, read in index order and filtered on the way.
        builder.HasIndex(r => new { r.NeededBy, r.Id, r.Status });
        builder.HasIndex(r => new { r.RequesterId, r.CreatedAt });
        builder.HasIndex(r => r.OpportunityId);
        builder.HasOne<Opportunities.Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Products).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.UpdatedAt).IsConcurrencyToken();
    }
}

internal sealed class RequestProductConfiguration : IEntityTypeConfiguration<RequestProduct>
{
    public void Configure(EntityTypeBuilder<RequestProduct> builder)
    {
        builder.ToTable("RequestProducts");
        builder.HasKey(p => new { p.RequestId, p.ProductId });
        builder.HasOne<Products.Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestParticipantConfiguration : IEntityTypeConfiguration<RequestParticipant>
{
    public void Configure(EntityTypeBuilder<RequestParticipant> builder)
    {
        builder.Property(p => p.OwnerDecisionById).HasMaxLength(450);
        builder.Property(p => p.ObjectionNote).HasMaxLength(2000);
        builder.Property(p => p.AskTokenHash).HasMaxLength(100);
        builder.Property(p => p.ReminderTokenHash).HasMaxLength(100);
        builder.Property(p => p.JoinDetails).HasMaxLength(500);
        builder.HasIndex(p => p.ReminderTokenHash).IsUnique();
        builder.Property(p => p.DeclineReason).HasMaxLength(2000);
        builder.Property(p => p.OfferedSlots).HasMaxLength(2000);
        builder.Property(p => p.RequesterComment).HasMaxLength(4000);
        builder.Property(p => p.AdvocateComment).HasMaxLength(4000);
        builder.HasIndex(p => new { p.RequestId, p.AdvocateId }).IsUnique();
        builder.HasIndex(p => new { p.AdvocateId, p.Status });
        builder.HasIndex(p => new { p.Objection, p.OwnerDecidedAt }); // the objections report
        builder.HasIndex(p => p.AskTokenHash).IsUnique();
        builder.Property(p => p.FeedbackTokenHash).HasMaxLength(100);
        builder.HasIndex(p => p.FeedbackTokenHash).IsUnique();
        builder.HasOne(p => p.Advocate).WithMany().HasForeignKey(p => p.AdvocateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.Property(e => e.From).HasMaxLength(50);
        builder.Property(e => e.To).HasMaxLength(50);
        builder.Property(e => e.ById).HasMaxLength(450);
        builder.Property(e => e.ByName).HasMaxLength(256);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.RequestId, e.At });
        builder.HasOne<ReferenceRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdvocacyActivityConfiguration : IEntityTypeConfiguration<AdvocacyActivity>
{
    public void Configure(EntityTypeBuilder<AdvocacyActivity> builder)
    {
        // Caps read an advocate's and an account's activities in a date window.
        builder.HasIndex(a => new { a.AdvocateId, a.OccurredOn });
        builder.HasIndex(a => new { a.AccountId, a.OccurredOn });
        builder.HasIndex(a => a.ParticipantId);
        builder.HasOne<Advocate>().WithMany().HasForeignKey(a => a.AdvocateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProgramSettingsConfiguration : IEntityTypeConfiguration<ProgramSettings>
{
    public void Configure(EntityTypeBuilder<ProgramSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.FatiguePolicy).HasMaxLength(8000);
        builder.Property(s => s.MatchWeights).HasMaxLength(4000);
        builder.Property(s => s.FulfilmentModes).HasMaxLength(4000);
        builder.Property(s => s.Sourcing).HasMaxLength(4000);
        builder.Property(s => s.PoolRules).HasMaxLength(4000);
        builder.Property(s => s.ServiceEscalation).HasMaxLength(4000);
    }
}
