using Endorse.AccessTokens;
using Endorse.Audit;
using Endorse.Import;
using Endorse.Notifications;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<EndorseUser>
{
    public void Configure(EntityTypeBuilder<EndorseUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.CrmUserId).HasMaxLength(100);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.HasIndex(u => u.CrmUserId);
        builder.HasIndex(u => u.DisplayName);
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(20);
        builder.Property(t => t.TokenHash).HasMaxLength(100);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<EndorseUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.FileName).HasMaxLength(255);
        builder.Property(r => r.StoredFile).HasMaxLength(500);
        builder.Property(r => r.RequestedById).HasMaxLength(450);
        builder.Property(r => r.RequestedByName).HasMaxLength(256);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Ignore(r => r.SourceSystem);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasMany(r => r.Rejections).WithOne().HasForeignKey(x => x.ImportRunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.WorkerId).HasMaxLength(200);
        builder.HasIndex(r => new { r.Status, r.LeaseExpiresAt });
        builder.HasMany(r => r.History).WithOne().HasForeignKey(x => x.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRunEventConfiguration : IEntityTypeConfiguration<ImportRunEvent>
{
    public void Configure(EntityTypeBuilder<ImportRunEvent> builder)
    {
        builder.ToTable("ImportRunEvents");
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ImportRunId, e.At });
    }
}

internal sealed class ImportRejectionConfiguration : IEntityTypeConfiguration<ImportRejection>
{
    public void Configure(EntityTypeBuilder<ImportRejection> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.ExternalId).HasMaxLength(100);
        builder.HasIndex(r => new { r.ImportRunId, r.LineNumber });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.AwaitsDigest, n.UserId });
        builder.HasOne<EndorseUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboundMailConfiguration : IEntityTypeConfiguration<OutboundMail>
{
    public void Configure(EntityTypeBuilder<OutboundMail> builder)
    {
        builder.Property(m => m.To).HasMaxLength(254);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.AttachmentName).HasMaxLength(255);
        builder.Property(m => m.AttachmentMediaType).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
