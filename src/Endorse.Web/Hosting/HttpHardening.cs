using System.Net;
using Endorse.Notifications;
using Endorse.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;

namespace Endorse.Web.Hosting;

/// <summary>
/// What the host does for transport security: the public base address (required in production), forwarded headers
/// from trusted reverse proxies only, security headers on every response, and behind TLS HSTS, Secure cookies and
/// redirection to https. Settings: docs/operations.md; promises: docs/security.md.
/// </summary>
public static class HttpHardening
{
    public static void AddEndorseHttpHardening(this WebApplicationBuilder builder, SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var services = builder.Services;
        var address = MailSettings.FromConfiguration(builder.Configuration).PublicAddress;
        if (address.Configured is null && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "PublicBaseUrl is not set. Endorse needs the address people open it at to put working links in e-mail: " +
                "set PublicBaseUrl (environment variable PublicBaseUrl=https://endorse.example.com/) and start again. See docs/operations.md.");
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (settings.TrustedProxies.Count > 0)
            {
                // Only the configured proxies; without a list, ASP.NET Core trusts a proxy on this machine (loopback).
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var entry in settings.TrustedProxies)
                {
                    if (entry.Contains('/', StringComparison.Ordinal))
                    {
                        options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network)
                            ? network
                            : throw new InvalidOperationException($"ReverseProxy:TrustedProxies has '{entry}', which is not a network such as 10.0.0.0/8."));
                    }
                    else
                    {
                        options.KnownProxies.Add(IPAddress.TryParse(entry, out var proxy)
                            ? proxy
                            : throw new InvalidOperationException($"ReverseProxy:TrustedProxies has '{entry}', which is not an IP address or a network."));
                    }
                }
            }
        });

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        if (settings.HttpsRedirect)
        {
            services.AddHttpsRedirection(options =>
            {
                options.HttpsPort = address.RequiresHttps ? address.Configured!.Port : 443;
                options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            });
        }

        // Cookies are Secure on every https request, which behind a trusted proxy includes X-Forwarded-Proto: https.
        services.ConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>First in the pipeline: forwarded headers, security headers, HSTS and https redirection.</summary>
    public static void UseEndorseHttpHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        var address = app.Services.GetRequiredService<PublicAddress>();
        if (app.Services.GetRequiredService<SecuritySettings>().HttpsRedirect)
        {
            // Health probes of a load balancer speak plain http to the node; everything else goes to https.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (address.Configured is not null)
            {
                return;
            }

            var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            address.UseListeningAddresses(listening);
            app.Logger.LogWarning("PublicBaseUrl is not set; links in e-mail use {Address}, where this server listens. Set PublicBaseUrl to the address people use.", address.BaseUrl);
        });
    }
}
