using System.Net;
using System.Net.Http.Headers;
using Endorse.AccessTokens;
using Endorse.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.BrowserTests.Infrastructure;

/// <summary>
/// The real Endorse app on a real Kestrel port (127.0.0.1, a free port) with a fresh SQLite database of its own
/// and the demo set-up on, so the demo users of every role (and whatever demo data exists) are there. Mail goes to
/// .eml files in <see cref="OutboxFolder"/> within a second, with absolute links to this server, as a person would get it.
/// </summary>
public sealed class EndorseServer : WebApplicationFactory<Program>
{
    private readonly int port;

    public EndorseServer()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "endorse-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);

        // The port is chosen before the host starts, so the links in e-mail (PublicBaseUrl) can name it.
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public string DataFolder { get; }

    /// <summary>Where the app writes the e-mail it sends (.eml files).</summary>
    public string OutboxFolder => Path.Combine(DataFolder, "outbox");

    /// <summary>Where the app listens, e.g. http://127.0.0.1:43127 (known once <see cref="Start"/> ran).</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
        BaseUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development the host does not read the static web assets manifest by itself; without it the
        // build-output paths of app.css, MudBlazor's CSS/JS and blazor.web.js are unknown and the UI has no style.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Endorse", $"Data Source={Path.Combine(DataFolder, "endorse.db")}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Mail:OutboxFolder", OutboxFolder);
        builder.UseSetting("PublicBaseUrl", $"http://127.0.0.1:{port}/");

        // Every test signs in from 127.0.0.1: lift the per-address sign-in limit. Sessions re-check every 2 seconds,
        // so a test sees an open page lose access without waiting a minute.
        builder.UseSetting("RateLimits:SignInPerAddressPerMinute", "10000");
        builder.UseSetting("Security:SessionCheckInterval", "00:00:02");
        builder.UseSetting("Scheduler:MailIntervalSeconds", "1");
        builder.UseSetting("Storage:Folder", Path.Combine(DataFolder, "files"));
    }

    /// <summary>The id of the user with this e-mail (to name them as an account owner through the API).</summary>
    public async Task<string> UserIdAsync(string email)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>An API client for the real port that authenticates as the demo user with this e-mail, with a new personal access token.</summary>
    public async Task<HttpClient> ApiClientForAsync(string email)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var token = AccessTokenSecret.Create();
        db.AccessTokens.Add(new AccessToken { UserId = user.Id, Name = "browser tests", Prefix = AccessTokenSecret.Shown(token), TokenHash = AccessTokenSecret.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        var client = new HttpClient { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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
