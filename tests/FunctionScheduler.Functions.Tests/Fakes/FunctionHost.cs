using System.Reflection;
using System.Text;
using System.Text.Json;
using FunctionScheduler.Functions.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>
/// The part of the Functions host the tests need, driven by the app's own attributes: finds functions by
/// [Function] name, routes HTTP requests by [HttpTrigger] method and route (under the "api" prefix), binds
/// route values, [DurableClient], FunctionContext and the trigger input, and builds function classes from the
/// container as the worker does. A wrong route, name or binding in the app therefore fails these tests.
/// </summary>
internal sealed class FunctionHost(IServiceProvider services)
{
    public const string RoutePrefix = "api";

    private static readonly IReadOnlyList<MethodInfo> Functions = [.. typeof(TaskOrchestrator).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)];

    public static IReadOnlyList<MethodInfo> All => Functions;

    public static MethodInfo Named(string name) =>
        Functions.SingleOrDefault(f => f.GetCustomAttribute<FunctionAttribute>()!.Name == name)
        ?? throw new InvalidOperationException($"No function is named '{name}'.");

    /// <summary>Sends a request through <see cref="InvokeHttpAsync"/> on an in-memory HttpContext.</summary>
    public async Task<TestHttpResponse> SendAsync(
        string method, string pathAndQuery, DurableTaskClient client, string? body = null, string? contentType = "application/json")
    {
        var url = new Uri(new Uri("http://127.0.0.1:7071"), pathAndQuery);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Path = url.AbsolutePath;
        context.Request.QueryString = new QueryString(url.Query);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        using var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await InvokeHttpAsync(context, client);
        return new TestHttpResponse((System.Net.HttpStatusCode)context.Response.StatusCode, context.Response.Headers, responseBody.ToArray());
    }

    /// <summary>
    /// What the worker's ASP.NET Core integration does with a request the Functions host routed to it: finds the
    /// function whose trigger matches method and route (under the "api" prefix), binds the HttpRequest, route values
    /// and [DurableClient], and executes the IResult it returns on the context. No match answers 404 with no body, as
    /// the Functions host itself does (the worker never sees such a request).
    /// </summary>
    public async Task InvokeHttpAsync(HttpContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var function in Functions)
        {
            var trigger = function.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null);
            if (trigger is null
                || !(trigger.Methods ?? []).Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)
                || Match(trigger.Route ?? function.GetCustomAttribute<FunctionAttribute>()!.Name, context.Request.Path.Value ?? "/") is not { } routeValues)
            {
                continue;
            }

            var functionContext = new FakeFunctionContext(services, context.RequestAborted);
            var arguments = Bind(function, functionContext, routeValues, context.Request, client, trigger: null);
            var result = await (Task<IResult>)function.Invoke(Instance(function), arguments)!;
            await result.ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>Runs an activity with its input as Durable hands it over: serialized, then bound to the trigger parameter.</summary>
    public async Task<string?> RunActivityAsync(string name, string? inputJson)
    {
        var function = Named(name);
        var triggerParameter = function.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
        var input = inputJson is null ? null : JsonSerializer.Deserialize(inputJson, triggerParameter.ParameterType, DurableJson.Options);
        var arguments = Bind(function, new FakeFunctionContext(services), new Dictionary<string, string>(), request: null, client: null, trigger: input);
        var task = (Task)function.Invoke(Instance(function), arguments)!;
        await task;
        var result = task.GetType().GetProperty("Result")!.GetValue(task);
        return DurableJson.Serialize(result);
    }

    /// <summary>The orchestrator function named <paramref name="name"/>, as a delegate over a context.</summary>
    public static Func<TaskOrchestrationContext, Task> Orchestrator(string name)
    {
        var function = Named(name);
        if (!function.IsStatic || function.GetParameters() is not [var parameter] || parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is null)
        {
            throw new InvalidOperationException($"'{name}' is not a static orchestrator taking one [OrchestrationTrigger] context.");
        }

        return context => (Task)function.Invoke(null, [context])!;
    }

    /// <summary>Fires a timer-triggered function once.</summary>
    public Task RunTimerAsync(string name, DurableTaskClient client)
    {
        var function = Named(name);
        var arguments = Bind(function, new FakeFunctionContext(services), new Dictionary<string, string>(), request: null, client, trigger: new TimerInfo());
        return (Task)function.Invoke(Instance(function), arguments)!;
    }

    private object? Instance(MethodInfo function) =>
        function.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.DeclaringType!);

    private static object?[] Bind(
        MethodInfo function,
        FunctionContext context,
        Dictionary<string, string> routeValues,
        HttpRequest? request,
        DurableTaskClient? client,
        object? trigger) =>
        [.. function.GetParameters().Select(parameter => parameter switch
        {
            _ when parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null => request,
            _ when parameter.GetCustomAttribute<DurableClientAttribute>() is not null => client,
            _ when parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null => trigger,
            _ when parameter.GetCustomAttribute<TimerTriggerAttribute>() is not null => trigger,
            _ when parameter.ParameterType == typeof(FunctionContext) => context,
            _ when parameter.ParameterType == typeof(CancellationToken) => context.CancellationToken,
            _ when routeValues.TryGetValue(parameter.Name!, out var value) => value,
            _ => throw new InvalidOperationException($"Cannot bind parameter '{parameter.Name}' of {function.Name}."),
        })];

    // Literal segments match case-insensitively; {name} binds one segment (unescaped), as ASP.NET routing does.
    private static Dictionary<string, string>? Match(string template, string absolutePath)
    {
        var path = absolutePath.Trim('/').Split('/');
        var parts = $"{RoutePrefix}/{template}".Trim('/').Split('/');
        if (path.Length != parts.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{') && parts[i].EndsWith('}'))
            {
                values[parts[i][1..^1]] = Uri.UnescapeDataString(path[i]);
            }
            else if (!parts[i].Equals(path[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return values;
    }
}
