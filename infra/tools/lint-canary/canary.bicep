// Deliberately broken: infra/lint.sh lints this file first and fails unless every rule listed in
// the script reports here, which proves infra/bicepconfig.json was found and its rules are on.
// It is never deployed and is excluded from the real lint run.

param unusedParam string = 'no-unused-params'

param databasePassword string

@secure()
param apiKey string

var unusedVar = 'no-unused-vars'

resource old 'Microsoft.Storage/storageAccounts@2021-01-01' existing = {
  name: 'stcanary${databasePassword}'
}

output leakedKey string = apiKey
output storageId string = old.id
