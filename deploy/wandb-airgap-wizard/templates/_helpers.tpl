{{- define "wizard.labels" -}}
app.kubernetes.io/name: wandb-airgap-wizard
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
