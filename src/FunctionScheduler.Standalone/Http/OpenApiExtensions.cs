using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Api.Representations;
using Microsoft.OpenApi;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: routes, statuses and bodies come from the endpoint metadata; this adds
/// the API key scheme, and marks what reads return but writes must not send.
/// </summary>
internal static class OpenApiExtensions
{
    private const string SchemeName = "ApiKey";

    // group and state filter the task listing only; both listings page.
    private static readonly string[] ListQuery = ["group", "state", "pageSize", "continuationToken"];

    public static IServiceCollection AddSchedulerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FunctionScheduler";
                document.Info.Description = "Dynamic scheduling of signed HTTP calls: tasks, their schedules and run history.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeys.HeaderName,
                    Description = "Every /api/tasks and /api/schedules call needs it; /api/health, /openapi, /scalar and the dashboard's files do not.",
                };
                return Task.CompletedTask;
            });

            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/tasks", StringComparison.Ordinal) == true
                    || context.Description.RelativePath?.StartsWith("api/schedules", StringComparison.Ordinal) == true)
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
                }

                // The handlers read the body as bytes for the core's reader (so that a wrong content type gets the
                // contract's 415 problem rather than a routing miss): the body is described here instead.
                if (operation.OperationId is TaskEndpoints.CreateTaskName or TaskEndpoints.PutTaskName)
                {
                    var schema = await context.GetOrCreateSchemaAsync(typeof(TaskRepresentation), cancellationToken: cancellationToken);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "A task definition, full or short form (docs/api.md); state and version are read-only.",
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                    };
                }

                if (operation.OperationId is PreviewEndpoints.PreviewScheduleName)
                {
                    var schema = await context.GetOrCreateSchemaAsync(typeof(SchedulePreviewRequest), cancellationToken: cancellationToken);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "A schedule in a task's shape, with how many occurrences (1-100), after which instant, and the task id whose jitter to apply.",
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                    };
                }

                if (operation.OperationId is OperationEndpoints.StartBackfillName)
                {
                    var schema = await context.GetOrCreateSchemaAsync(typeof(BackfillRequest), cancellationToken: cancellationToken);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "The window (from, to: both included, to not after now), an optional limit, retryFailed.",
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                    };
                }

                if (operation.OperationId is OperationEndpoints.ImportTasksName)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "One task definition (a PUT body with its id) per line.",
                        Content = new Dictionary<string, OpenApiMediaType> { [JsonLines.MediaType] = new(), ["application/jsonl"] = new() },
                    };
                }

                // The listings read their query through the shared QueryParameters (so both hosts see a repeated
                // parameter alike), which minimal APIs cannot describe: the parameters are described here instead.
                var query = operation.OperationId switch
                {
                    TaskEndpoints.ListTasksName => ListQuery,
                    TaskEndpoints.ListRunsName => ListQuery[2..],
                    PreviewEndpoints.TaskOccurrencesName => ["count"],
                    OperationEndpoints.ExportTasksName => ListQuery[..2],
                    OperationEndpoints.ImportTasksName => ["dryRun"],
                    _ => [],
                };
                foreach (var name in query)
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                }
            });

            // A task read back is a valid PUT body once its state and version are left out.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(TaskRepresentation) && schema.Properties is { } properties)
                {
                    foreach (var name in (string[])["state", "version", "scheduleText", "warnings"])
                    {
                        schema.Required?.Remove(name);
                        if (properties.TryGetValue(name, out var property) && property is OpenApiSchema inline)
                        {
                            inline.ReadOnly = true;
                        }
                    }
                }

                return Task.CompletedTask;
            });
        });
}
