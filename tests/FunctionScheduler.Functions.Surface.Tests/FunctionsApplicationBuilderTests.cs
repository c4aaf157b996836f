using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Functions.Surface.Tests;

public class FunctionsApplicationBuilderTests
{
    [Fact]
    public void CreateBuilder_Services_AcceptRegistrations()
    {
        FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder([]);

        builder.Services.AddSingleton(TimeProvider.System);

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void Build_Surface_RefusesToProduceAHost()
    {
        FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder([]);

        Assert.Throws<NotSupportedException>(() => builder.Build());
    }
}
