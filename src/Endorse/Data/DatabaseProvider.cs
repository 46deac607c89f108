using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Endorse.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Endorse runs on and how to reach it, from <c>Database:Provider</c> and <c>ConnectionStrings:Endorse</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/endorse.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"] ?? "Sqlite";
        var provider = providerText.ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider '{providerText}' is not supported. Use Sqlite or Postgres."),
        };

        var connectionString = configuration.GetConnectionString("Endorse");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:Endorse is required for PostgreSQL.");
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>Configures EF Core for this provider, with the provider's own migrations assembly.</summary>
    public void Apply(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder();
                options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly("Endorse.Migrations.Sqlite"));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly("Endorse.Migrations.Postgres"));
                break;
        }

        // A list's capped count is a Take without OrderBy on purpose (PagingExtensions.Unordered: the count needs no
        // order); EF Core would log a warning for every list page. Pages themselves are always sorted.
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));

        // Security changes reach the token caches, matching changes the match index (see SaveSignals).
        options.AddInterceptors(SaveSignals.Instance);
    }

    private void EnsureSqliteFolder()
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
