import type { applyEn } from './apply.en';

import { JA_TERMS as T } from '../glossary';

/** 適用ステップのメッセージ（日本語）。 */
export const applyJa: Record<keyof typeof applyEn, string> = {
  'apply.ui.dryRun': 'ドライラン',
  'apply.ui.dryRun.hint': 'すべてをドライランで API サーバーに送ります。検証のみで、何も変更しません。',
  'apply.ui.apply': 'クラスターに適用',
  'apply.ui.apply.hint':
    'helm でオペレーターのチャートをインストールし、続いて Secret と WeightsAndBiases リソースを適用して、起動状況を確認します。変更の前に確認を求めます。',
  'apply.ui.status.none': 'この設定ではまだ何も実行していません。',
  'apply.ui.noKubeconfig':
    'kubeconfig が見つかりません（{where}）。ウィザードはクラスターに接続できません。「プラットフォーム」ステップの「クラスターへの接続」でこのマシン上の kubeconfig ファイルを指定するかアップロードするか、「確認」ステップでファイルをダウンロードして Runbook に沿ってインストールしてください。',
  'apply.ui.confirm.title': 'クラスターにインストールしますか？',
  'apply.ui.confirm.lead': '{cluster}（コンテキスト {context}）に、次のものだけを書き込みます:',
  'apply.ui.confirm.write.namespace': '{target}（存在しない場合に作成）',
  'apply.ui.confirm.write.secret': '{target}（作成または置き換え）',
  'apply.ui.confirm.write.chartsConfigMap': '{target}（オペレーターに渡すプラットフォームのチャート）',
  'apply.ui.confirm.write.helm':
    'オペレーターのチャートの Helm リリース {target}（インストールまたはアップグレード）',
  'apply.ui.confirm.write.customResource':
    '{target}（作成または更新。その後オペレーターがプラットフォームをインストールします）',
  'apply.ui.confirm.yes': 'インストール',
  'apply.ui.confirm.no': '戻る',
  'apply.ui.followOnly': T.follow,
  'apply.ui.followOnly.hint':
    'インストール済みのリソース、ワークロードとその Pod の状態を、何も変更せずに確認します。',
  'apply.ui.status.followOnly': '起動状況: {status}',
  'apply.ui.cancel': '実行を中止',
  'apply.ui.stopFollowing': '追跡を停止（インストールは続行）',
  'apply.ui.steps': '手順',
  'apply.ui.readiness': '起動状況',
  'apply.ui.logs': 'ログ',
  'apply.ui.helm': '{helm} を使用します。',
  'apply.ui.status.running': '実行中…',
  'apply.ui.status.succeeded': '完了しました。',
  'apply.ui.status.failed': '失敗しました。',
  'apply.ui.status.cancelled': '中止しました。',
  'apply.ui.status.dryRun': 'ドライラン: {status}',
  'apply.ui.crPhase': 'WeightsAndBiases {name}: フェーズ {phase}',
  'apply.ui.crPhase.none': 'まだ報告されていません',
  'apply.ui.crMissing': 'WeightsAndBiases リソースはまだありません。',
  'apply.ui.workload': 'ワークロード',
  'apply.ui.ready': '準備完了',
  'apply.ui.notFound': '未作成',
  'apply.ui.platformReady':
    'W&B が起動しました。オペレーターが Completed を報告し、すべてのワークロードが準備完了です。',
  'apply.ui.problems': '起動できない Pod',
  'apply.ui.problem.imagePull':
    '{pod}（{container}）: ノードが {image} を取得できません（{reason}）。このイメージを内部レジストリにミラーする（一覧は images.txt）か、そのキーを修正してください。ノードは自動で再試行します。',
  'apply.ui.problem.container': '{pod}（{container}）: {reason}',
  'apply.ui.problem.unschedulable': '{pod}: 配置できるノードがありません',
  'apply.ui.operatorSilent':
    'オペレーターが {seconds} 秒間このリソースの状態を報告していません。オペレーターが動いていないか、報告の前に失敗しています（たとえば内部リポジトリからプラットフォームのチャートを取得する段階）。原因はログで確認できます: kubectl logs -n {namespace} deploy/{deployment}',
  'apply.follow.stopped':
    '追跡を停止しました。適用した内容はクラスターに残り、オペレーターは処理を続けます。準備完了は確認していません。',
  'apply.follow.invalidConfig':
    'オペレーターが {resource} を受け付けませんでした（フェーズ「Invalid Config」）: {events}。オペレーターが自ら再試行するのは reconcileFrequency（既定 1 時間）の後か、リソースが変更されたときだけです。設定を修正して再度適用してください。変更されたリソースはすぐに調整されます。',
  'apply.follow.notReady.imagePull':
    '{minutes} 分経っても準備ができていません: ノードが {images} を取得できません。これらのイメージを内部レジストリにミラーする（一覧は images.txt）か、キーを修正してから再度適用してください。',
  'apply.follow.notReady.operatorSilent':
    '{minutes} 分経っても準備ができていません: オペレーターがリソースの状態を一度も報告していません。ログを確認してください: kubectl logs -n {namespace} deploy/{deployment}',
  'apply.follow.notReady.pods':
    '{minutes} 分経っても準備ができていません: {count} 件の Pod が起動できません（最初は {pod}、{reason}）。詳細にすべて表示しています。kubectl describe pod でさらに確認できます。',
  'apply.follow.notReady':
    '{minutes} 分経っても準備ができていません。リソースのフェーズ: {phase}。待機中: {waiting}。インストールはクラスター内で続いています。kubectl get pods で確認できます。',
  'apply.ui.noDraft': '保存された設定がまだありません。先に前のステップを入力してください。',
  'apply.ui.invalidDraft': '設定がまだ有効ではありません。適用する前に修正する項目（{count} 件）:',
  'apply.ui.unknownRun': 'この実行は見つからないか、期限が切れました。もう一度開始してください。',
  'apply.ui.refused.noChecks': '適用する前に前提条件チェックを実行してください。',
  'apply.ui.refused.checksRunning': '前提条件チェックがまだ実行中です。',
  'apply.ui.refused.checksNotCleared': `必須の前提条件チェックが合格しておらず、「${T.bypassed}」も記録されていません: {checks}。修正するか、前提条件の画面で「${T.bypass}」を選んでください。`,
  'apply.ui.refused.running': '適用はすでに実行中です。',
  'apply.ui.stuck.dryRun':
    'このドライランでは何も変更していません。先にリリースを復旧しない限り、適用はオペレーターの手順で失敗します。',
  'apply.ui.stuck.hint':
    'ウィザードは同じ kubeconfig で {command} を実行し、リリースが保留状態でなくなったことを確認してから、もう一度適用します。',
  'apply.ui.stuck.recover': 'リリースを復旧して再適用',
  'apply.ui.stuck.confirm':
    '{namespace} の Helm リリース {release}（{status}、リビジョン {revision}）を復旧しますか？このリリースに対して現在ほかの helm 操作が実行されていない場合にのみ続行してください。ウィザードは {command} を実行した後、適用と同じようにクラスターへインストールします。',

  'apply.step.state.pending': '待機中',
  'apply.step.state.running': '実行中',
  'apply.step.state.done': '完了',
  'apply.step.state.failed': '失敗',
  'apply.step.kind.namespace': 'Namespace',
  'apply.step.kind.secret': 'Secret',
  'apply.step.kind.chartsConfigMap': 'プラットフォームチャート（ConfigMap）',
  'apply.step.kind.helm': 'オペレーター（helm upgrade --install）',
  'apply.step.kind.waitCrd': 'CRD の確立',
  'apply.step.kind.waitDeployment': 'オペレーターの起動',
  'apply.step.kind.customResource': 'カスタムリソース',
  'apply.step.kind.follow': 'プラットフォームの起動状況',
  'apply.change.create': '作成しました',
  'apply.change.update': '更新しました',
  'apply.change.unchanged': '変更なし',
  'apply.change.install': 'インストールしました',
  'apply.change.upgrade': 'アップグレードしました',
  'apply.change.waited': '準備完了',
  'apply.change.skipped': 'スキップ',
  'apply.change.followed': '準備完了',
  'apply.change.dry.create': '作成されます',
  'apply.change.dry.update': '更新されます',
  'apply.change.dry.unchanged': '変更なし',
  'apply.change.dry.install': 'インストールされます',
  'apply.change.dry.upgrade': 'アップグレードされます',
  'apply.change.dry.waited': '準備完了',
  'apply.change.dry.skipped': 'ドライランでは実行しません',
  'apply.change.dry.followed': '準備完了',
};
