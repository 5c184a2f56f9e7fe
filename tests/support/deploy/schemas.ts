import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1'
import { Deployment } from 'kubernetes-models/apps/v1'
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2'
import { Job } from 'kubernetes-models/batch/v1'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1'
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1'
import type { Manifest } from './kustomize'

/** What a schema check reports: one line per problem, none when the object is valid. */
type Check = (manifest: Manifest) => string[]

interface ValidatingModel { validate(): void }
type ModelClass = (new (data: any) => ValidatingModel) & { apiVersion: string, kind: string }

/**
 * kubernetes-models ships, per API type, a validator that ajv compiled from the Kubernetes OpenAPI
 * schema (types, required fields, enums, formats); @kubernetes-models/keda does the same from KEDA's
 * CRDs. Those schemas allow fields they do not know, as the API server does without strict field
 * validation, so a misspelt field is caught by the wiring tests rather than here.
 */
function fromModel(model: ModelClass): [string, Check] {
  return [`${model.apiVersion}/${model.kind}`, (manifest) => {
    try {
      new model(manifest).validate()
      return []
    }
    catch (error) {
      const { errors } = error as { errors?: { instancePath: string, message?: string }[] }
      if (!errors) throw error
      return errors.map(problem => `${problem.instancePath || '/'} ${problem.message}`)
    }
  }]
}

/** CloudNativePG publishes no schema package: a JSON schema of the fields used, kept beside this file. */
function fromJsonSchema(key: string, file: string): [string, Check] {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')))
  return [key, manifest => validate(manifest) ? [] : validate.errors!.map(problem => `${problem.instancePath || '/'} ${problem.message}`)]
}

const checks = new Map<string, Check>([
  fromModel(ConfigMap), fromModel(Secret), fromModel(Service), fromModel(Namespace),
  fromModel(Deployment), fromModel(Job), fromModel(HorizontalPodAutoscaler), fromModel(PodDisruptionBudget),
  fromModel(ScaledObject),
  fromJsonSchema('postgresql.cnpg.io/v1/Cluster', './cnpg-cluster.schema.json'),
])

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/** Problems with one object against its API schema; an API type with no schema here is one too. */
export function schemaProblems(manifest: Manifest): string[] {
  const check = checks.get(`${manifest.apiVersion}/${manifest.kind}`)
  if (!check) return [`no schema for ${manifest.apiVersion} ${manifest.kind}`]
  // The OpenAPI schema leaves the name optional (generateName); `kubectl apply` needs one, a DNS label.
  const name = manifest.metadata?.name
  const naming = typeof name === 'string' && DNS_LABEL.test(name) && name.length <= 63 ? [] : [`/metadata/name must be a DNS label, not ${JSON.stringify(name)}`]
  return [...naming, ...check(manifest)]
}
