using System.Security.Claims;
using Endorse.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Endorse.Web.Auth;

/// <summary>
/// The signed-in person (or token's user) behind the current work, for audit entries: the HTTP request's user
/// for API calls and plain pages, the circuit's user inside an interactive page (where there is no request).
/// </summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor, CircuitUser circuit) : ICurrentActor
{
    private ClaimsPrincipal? User =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } requestUser ? requestUser : circuit.User;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => User?.Identity?.IsAuthenticated == true ? User.Identity.Name : "system";
}

/// <summary>The user of an interactive Blazor circuit, kept current by <see cref="CircuitUserHandler"/>.</summary>
public sealed class CircuitUser
{
    public ClaimsPrincipal? User { get; set; }
}

/// <summary>Copies the circuit's authentication state into <see cref="CircuitUser"/> when it connects and whenever it changes.</summary>
public sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CircuitUser circuitUser) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) =>
        circuitUser.User = (await authentication.GetAuthenticationStateAsync()).User;

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    private void OnChanged(Task<AuthenticationState> state) => _ = UpdateAsync(state);

    private async Task UpdateAsync(Task<AuthenticationState> state) => circuitUser.User = (await state).User;
}
