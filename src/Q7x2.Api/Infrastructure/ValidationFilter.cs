using FluentValidation;
using Q7x2.Data.Text;

namespace Q7x2.Api.Infrastructure;

/// <summary>Runs the FluentValidation validator of every argument that has one; all errors at once, keys camelCase.</summary>
internal sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var argument in context.Arguments)
        {
            if (argument is null
                || context.HttpContext.RequestServices.GetService(typeof(IValidator<>).MakeGenericType(argument.GetType())) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var group in result.Errors.GroupBy(e => JsonNames.CamelPath(e.PropertyName)))
            {
                errors[group.Key] = [.. group.Select(e => e.ErrorMessage)];
            }
        }

        return errors.Count == 0 ? await next(context) : TypedResults.ValidationProblem(errors, title: "One or more query parameters are invalid.");
    }
}
