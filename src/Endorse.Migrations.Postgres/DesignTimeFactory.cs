using Endorse.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Endorse.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EndorseDbContext>
{
    public EndorseDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EndorseDbContext>();
        options.UseNpgsql("Host=localhost;Database=endorse_design", npgsql => npgsql.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name));
        return new EndorseDbContext(options.Options);
    }
}
