using Endorse.Nominations;
using Endorse.Objections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.Property(n => n.Reason).HasMaxLength(2000);
        builder.Property(n => n.NominatorId).HasMaxLength(450);
        builder.Property(n => n.NominatorName).HasMaxLength(256);
        builder.Property(n => n.Question).HasMaxLength(2000);
        builder.Property(n => n.ReviewedById).HasMaxLength(450);
        builder.Property(n => n.OwnerId).HasMaxLength(450);
        builder.Property(n => n.DeclineReason).HasMaxLength(2000);
        builder.Property(n => n.DeclinedById).HasMaxLength(450);
        builder.Property(n => n.UpdatedAt).IsConcurrencyToken();

        // One open nomination per contact: of two at once, the second fails here (and is told so).
        builder.HasIndex(n => n.ContactId).IsUnique().HasFilter("\"Status\" IN (0, 1, 2)").HasDatabaseName("IX_Nominations_ContactId_Open");
        builder.HasIndex(n => new { n.ContactId, n.CreatedAt });
        builder.HasIndex(n => new { n.NominatorId, n.CreatedAt });
        builder.HasIndex(n => new { n.NominatorId, n.Status, n.ApprovedAt });
        builder.HasIndex(n => new { n.Status, n.WaitingSince });
        builder.HasIndex(n => new { n.OwnerId, n.Status });
        builder.HasIndex(n => n.AccountId);
        builder.HasIndex(n => n.AdvocateId);
        builder.HasIndex(n => new { n.Status, n.ReservedUntil });
        builder.HasOne(n => n.Contact).WithMany().HasForeignKey(n => n.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Advocates.Advocate>().WithMany().HasForeignKey(n => n.AdvocateId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(n => n.Products).WithOne().HasForeignKey(p => p.NominationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NominationProductConfiguration : IEntityTypeConfiguration<NominationProduct>
{
    public void Configure(EntityTypeBuilder<NominationProduct> builder)
    {
        builder.ToTable("NominationProducts");
        builder.HasKey(p => new { p.NominationId, p.ProductId });
        builder.HasOne<Products.Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NominationEventConfiguration : IEntityTypeConfiguration<NominationEvent>
{
    public void Configure(EntityTypeBuilder<NominationEvent> builder)
    {
        builder.Property(e => e.From).HasMaxLength(50);
        builder.Property(e => e.To).HasMaxLength(50);
        builder.Property(e => e.ById).HasMaxLength(450);
        builder.Property(e => e.ByName).HasMaxLength(256);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.NominationId, e.At });
        builder.HasOne<Nomination>().WithMany().HasForeignKey(e => e.NominationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlaybookAnswerConfiguration : IEntityTypeConfiguration<PlaybookAnswer>
{
    public void Configure(EntityTypeBuilder<PlaybookAnswer> builder)
    {
        builder.Property(a => a.Answer).HasMaxLength(4000);
        builder.Property(a => a.UpdatedById).HasMaxLength(450);
        builder.Property(a => a.UpdatedByName).HasMaxLength(256);
        builder.HasIndex(a => a.Objection).IsUnique();
    }
}

internal sealed class ServiceEscalationConfiguration : IEntityTypeConfiguration<ServiceEscalation>
{
    public void Configure(EntityTypeBuilder<ServiceEscalation> builder)
    {
        builder.Property(e => e.ScopeName).HasMaxLength(256);
        builder.Property(e => e.NotifiedNames).HasMaxLength(2000);
        builder.Property(e => e.Accounts).HasMaxLength(4000);

        // Once per episode: an episode is its scope and the objection that started it.
        builder.HasIndex(e => new { e.Scope, e.ScopeId, e.StartedAt }).IsUnique();
        builder.HasIndex(e => e.StartedAt);
    }
}
