using System.Net.Http.Headers;
using Endorse.AccessTokens;
using Endorse.Data;
using Endorse.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Endorse.IntegrationTests.Infrastructure;

/// <summary>
/// Endorse hosted in memory on a fresh database of its own: a temporary SQLite file, or a new database
/// in the test PostgreSQL cluster. Demo data is off; tests create what they need.
/// </summary>
public sealed class EndorseApp : WebApplicationFactory<Program>
{
    private readonly string provider;
    private readonly string connectionString;
    private readonly string? sqliteFile;
    private readonly string? postgresDatabase;

    private readonly TimeProvider? clock;

    /// <param name="clock">A clock of the test's own (to move time), in place of the system clock.</param>
    public EndorseApp(string provider, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        this.provider = provider;
        this.clock = clock;
        Settings = settings ?? new Dictionary<string, string?>();
        DataFolder = Path.Combine(Path.GetTempPath(), "endorse-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        if (provider == TestDatabases.Sqlite)
        {
            sqliteFile = Path.Combine(DataFolder, "endorse.db");
            connectionString = $"Data Source={sqliteFile}";
        }
        else
        {
            var server = TestDatabases.PostgresConnectionString ?? throw new InvalidOperationException("ENDORSE_TEST_POSTGRES is not set.");
            postgresDatabase = "endorse_test_" + Guid.NewGuid().ToString("N")[..12];
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString;
        }
    }

    /// <summary>
    /// Another app on this app's database and folders: a second node of a cluster, or the app started again after a
    /// crash. It neither creates nor removes the database; the first app does.
    /// </summary>
    public EndorseApp OnSameDatabase(IDictionary<string, string?>? settings = null) => new(this, settings);

    private EndorseApp(EndorseApp first, IDictionary<string, string?>? settings)
    {
        provider = first.provider;
        connectionString = first.connectionString;
        DataFolder = first.DataFolder;
        Settings = settings ?? new Dictionary<string, string?>(first.Settings);
        sharesDatabase = true;
    }

    private readonly bool sharesDatabase;

    public IDictionary<string, string?> Settings { get; }

    /// <summary>Replaces services before the host starts (a fake clock, say); set it before the first use of the app.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>A folder of this app's own for files (outbox, uploads).</summary>
    public string DataFolder { get; }

    public string Provider => provider;

    /// <summary>The app's database (a second app given it acts as a second node on the same database).</summary>
    public string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Endorse", connectionString);
        builder.UseSetting("Demo:Enabled", "false");

        // Tests seed the database after the start and rank at once: the index loads on the first ranking, not at start.
        builder.UseSetting("Discovery:LoadAtStart", "false");
        builder.UseSetting("Mail:OutboxFolder", Path.Combine(DataFolder, "outbox"));
        builder.UseSetting("Storage:Folder", Path.Combine(DataFolder, "files"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }

        if (TestServices is { } replace)
        {
            builder.ConfigureServices(replace);
        }
    }

    /// <summary>Creates a user with a role and returns an API client that authenticates as them with a personal access token.</summary>
    public async Task<HttpClient> ClientForAsync(string role, string? email = null)
    {
        var user = await CreateUserAsync(role, email);
        return ClientWithToken(await CreateTokenAsync(user.Id));
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<EndorseUser> CreateUserAsync(string role, string? email = null, int? salesAreaId = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EndorseUser>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        var user = new EndorseUser { UserName = email, Email = email, DisplayName = role + " user", SalesAreaId = salesAreaId, EmailConfirmed = true };
        var result = await users.CreateAsync(user, "Test-password-1");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    public async Task<string> CreateTokenAsync(string userId)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        var token = AccessTokenSecret.Create();
        db.AccessTokens.Add(new AccessToken { UserId = userId, Name = "test", Prefix = AccessTokenSecret.Shown(token), TokenHash = AccessTokenSecret.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>Runs work against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<EndorseDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<EndorseDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sharesDatabase)
        {
            return;
        }
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(TestDatabases.PostgresConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean from the temp folder.
        }
    }
}
