using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Testing.Targets;

/// <summary>Real Kestrel on 127.0.0.1 and a port the OS picks, for every in-process server the tests start.</summary>
public static class LoopbackKestrel
{
    /// <summary>Makes <paramref name="builder"/> listen on 127.0.0.1, port 0.</summary>
    public static WebApplicationBuilder ListenOnLoopback(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        return builder;
    }

    /// <summary>The root of a started app, e.g. http://127.0.0.1:43121/, read from the port Kestrel bound.</summary>
    public static Uri BaseAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
