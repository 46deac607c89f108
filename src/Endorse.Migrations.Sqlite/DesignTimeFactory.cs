using Endorse.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Endorse.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EndorseDbContext>
{
    public EndorseDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EndorseDbContext>();
        options.UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name));
        return new EndorseDbContext(options.Options);
    }
}
