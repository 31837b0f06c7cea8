import type { checksEn } from './checks.en';

/** 前提条件チェックのメッセージ（日本語）。 */
export const checksJa: Record<keyof typeof checksEn, string> = {
  'checks.status.pass': '合格',
  'checks.status.warn': '警告',
  'checks.status.fail': '不合格',
  'checks.status.error': 'エラー',
  'checks.status.skipped': 'スキップ',
  'checks.status.running': '実行中…',
  'checks.strict': '必須',
  'checks.remedy': '対処方法',

  'checks.kube.noKubeconfig': 'kubeconfig が見つからないため（{where}）、クラスタは確認していません。',
  'checks.kube.noKubeconfig.remedy':
    '対象クラスタの kubeconfig（KUBECONFIG または ~/.kube/config）があるマシンでウィザードを実行してください。現在のコンテキストでない場合は「開始」ステップでコンテキストを指定してください。',

  'checks.kubeApi.title': 'Kubernetes API',
  'checks.kubeApi.pass':
    'API サーバー {server} が検証済みの TLS で応答しました。Kubernetes {version} はサポート対象です。',
  'checks.kubeApi.newer':
    'API サーバー {server} は Kubernetes {version} で、テスト済みの最新バージョン（{newest}）より新しいです。動作する見込みですが、インストールを注意して見守ってください。',
  'checks.kubeApi.tooOld':
    'API サーバー {server} は Kubernetes {version} です。W&B オペレーターには {minimum} 以降が必要です。',
  'checks.kubeApi.tooOld.remedy': 'クラスタを Kubernetes {minimum} 以降にアップグレードしてください。',
  'checks.kubeApi.insecure':
    'API サーバー {server} は応答しましたが（Kubernetes {version}）、kubeconfig が TLS 検証を省略しています（insecure-skip-tls-verify）。',
  'checks.kubeApi.insecure.remedy':
    'クラスタの CA を kubeconfig（certificate-authority-data）に入れ、insecure-skip-tls-verify を削除してください。',
  'checks.kubeApi.unreachable.remedy':
    'このマシンから {server} に到達できること、および kubeconfig にその証明書を発行した CA が含まれていることを確認してください。',

  'checks.kubeAccess.title': 'クラスタ上の権限',
  'checks.kubeAccess.pass': 'ID {user} は、インストールが行う {count} 件の操作をすべて実行できます。',
  'checks.kubeAccess.missing':
    'ID {user} には、インストールに必要な {total} 件中 {count} 件の権限がありません: {missing}。',
  'checks.kubeAccess.missing.remedy':
    'クラスタ管理者としてインストールするか、管理者に {user} へこれらの権限を付与してもらってください（オペレーターチャートはクラスタ全体の CRD、ClusterRole とそのバインディングを作成します）。',

  'checks.helm.title': 'Helm',
  'checks.helm.pass': 'Helm {version} が {path} に見つかりました（{source} から）。',
  'checks.helm.notFound': 'Helm が見つかりません（探した場所: {searched}）。',
  'checks.helm.notFound.remedy':
    'このマシンに Helm 3 または 4 をインストールして PATH に置くか、HELM にフルパスを設定してください。',
  'checks.helm.unusable': '{path} の Helm を実行できませんでした: {reason}',
  'checks.helm.tooOld': '{path} の Helm {version} は古すぎます。Helm 3 以降が必要です。',

  'checks.registryImages.title': 'レジストリ内のイメージ',
  'checks.registryImages.pass': '{count} 個のイメージがすべて {registry} にあります。',
  'checks.registryImages.noImages':
    '確認するイメージがありません: operator-wandb {version} はサポート対象のチャート系列ではありません。',
  'checks.registryImages.mixed': '{total} 個中 {count} 個のイメージが使えません: {images}',
  'checks.registryImages.missing.remedy':
    '不足しているイメージをレジストリにミラーしてから（images.txt と mirror-images.sh に一覧があります）、もう一度チェックしてください。',
  'checks.registryImages.unauthorized.remedy':
    'レジストリのユーザーとパスワード、およびそのユーザーがこれらのリポジトリを pull できることを確認してください。',
  'checks.registryImages.tls.remedy':
    '{registry} の証明書を発行した CA バンドルを「レジストリ」ステップに貼り付けてください。',
  'checks.registryImages.unreachable.remedy':
    'レジストリのアドレス {registry}、起動していること、ファイアウォールがこのマシンを遮断していないことを確認してください。',

  'checks.charts.title': 'チャートリポジトリ',
  'checks.charts.pass': 'operator {operator} と operator-wandb {platform} が利用できます。',
  'checks.charts.found': '{chart} {version} は {where} にあります。',
  'checks.charts.chartMissing': 'チャート {chart} は {where} にありません。',
  'checks.charts.versionMissing':
    '{chart} {version} は {where} にありません。存在するバージョン: {available}。',
  'checks.charts.archiveInvalid': '{chart} のアーカイブ {path} を読み取れません: {reason}',
  'checks.charts.archiveWrongChart': 'アーカイブ {path} の中身は {chart} ではなくチャート {found} です。',
  'checks.charts.badUrl': '{chart} の OCI URL {url} が正しくありません。',
  'checks.charts.remedy':
    '選択した {chart} のバージョンをリポジトリに push するか、「チャート」ステップでリポジトリにあるバージョンを選んでください。',

  'checks.clusterFit.title': 'クラスタとの適合',
  'checks.clusterFit.pass': 'クラスタは設定に適合しています（{count} 項目を確認）。',
  'checks.clusterFit.ingressFound': 'IngressClass {name} があります。',
  'checks.clusterFit.ingressMissing': 'IngressClass {name} がありません。クラスタにあるもの: {existing}。',
  'checks.clusterFit.ingressMissing.remedy':
    '「ネットワーク」ステップで既存の IngressClass を選ぶか、先に Ingress コントローラーをインストールしてください。',
  'checks.clusterFit.storageDefault': 'デフォルトの StorageClass は {name} です。',
  'checks.clusterFit.noDefaultStorage':
    'MySQL をクラスタ内にインストールしますが、デフォルトの StorageClass がありません（StorageClass: {existing}）。',
  'checks.clusterFit.noDefaultStorage.remedy':
    'StorageClass をデフォルトに設定する（storageclass.kubernetes.io/is-default-class: "true"）か、外部 MySQL を使ってください。',
  'checks.clusterFit.namespaceExists': 'Namespace {namespace} があります。',
  'checks.clusterFit.namespaceCreatable': 'Namespace {namespace} はまだありませんが、作成できます。',
  'checks.clusterFit.namespaceBlocked': 'Namespace {namespace} がなく、作成する権限もありません。',
  'checks.clusterFit.namespaceBlocked.remedy':
    '管理者に Namespace {namespace} を作成してもらうか、既存の Namespace を選んでください。',
  'checks.clusterFit.fresh': '既存の W&B インストールは見つかりませんでした。',
  'checks.clusterFit.existing': '既存の W&B インストールが見つかりました: {found}。',
  'checks.clusterFit.existing.remedy':
    '適用するとその場でアップグレードされます。意図しない場合は別の名前や Namespace を選んでください。',

  'checks.mysql.title': '外部 MySQL',
  'checks.mysql.pass': '{address} の MySQL {version}: ログインとデータベース {database} は問題ありません。',
  'checks.mysql.inCluster': 'スキップ: MySQL はチャートがクラスタ内にインストールします。',
  'checks.mysql.unreachable': '{address} の MySQL に接続できません（{code}）。',
  'checks.mysql.unreachable.remedy':
    'ホストとポート {address}、そこで MySQL が待ち受けていること、ファイアウォールがこのマシンを遮断していないことを確認してください。',
  'checks.mysql.loginDenied':
    '{address} の MySQL が {user} のログインを拒否しました: ユーザーかパスワードが違うか、このホストからの接続が許可されていません。',
  'checks.mysql.loginDenied.remedy':
    "ユーザーとパスワード、およびユーザーの接続元ホスト（'{user}'@'%'）を確認してください。",
  'checks.mysql.loginFailed': '{address} の MySQL に {user} としてログインできませんでした（{code}）。',
  'checks.mysql.databaseMissing': 'データベース {database} がありません。',
  'checks.mysql.databaseDenied': 'ユーザー {user} はデータベース {database} を使えません。',
  'checks.mysql.database.remedy':
    "データベースを作成し、ユーザーに権限を付与してください: CREATE DATABASE {database}; GRANT ALL ON {database}.* TO '{user}'@'%';",
  'checks.mysql.mariadb':
    'サーバーは MySQL ではなく MariaDB {version} です。W&B がサポートするのは MySQL 8 のみです。MariaDB は試用なら動く可能性がありますが、サポート対象外です。',
  'checks.mysql.mariadb.remedy':
    '本番環境では MySQL 8（または MySQL 8 互換のマネージドサービス）を使ってください。',
  'checks.mysql.tooOld': 'MySQL {version} は古すぎます。W&B には MySQL {minimum} 以降が必要です。',
  'checks.mysql.tooOld.remedy': 'サーバーを MySQL 8 にアップグレードしてください。',

  'checks.bucket.title': 'オブジェクトストレージ',
  'checks.bucket.pass': '{endpoint} のバケット {bucket} があり、認証情報も有効です。',
  'checks.bucket.passWrite':
    '{endpoint} のバケット {bucket} があり、テストオブジェクトの書き込みと削除ができました。',
  'checks.bucket.notS3': 'スキップ: {provider} の認証情報はウィザードではなくクラスタから取得されます。',
  'checks.bucket.plainHttp':
    'バケット {bucket} は問題ありませんが、{endpoint} は暗号化されていない HTTP で提供されています。',
  'checks.bucket.plainHttp.remedy':
    'オブジェクトストアには HTTPS を使ってください。そうでないと W&B はデータと鍵を暗号化せずに送ります。',
  'checks.bucket.unreachable': 'オブジェクトストア {endpoint} に接続できません（{code}）。',
  'checks.bucket.unreachable.remedy':
    'エンドポイントのアドレス、ストアが起動していること、ファイアウォールがこのマシンを遮断していないことを確認してください。',
  'checks.bucket.tls': '{endpoint} の TLS 検証に失敗しました（{code}）。',
  'checks.bucket.tls.remedy': 'ストアの証明書を発行した CA をカスタム CA バンドルに追加してください。',
  'checks.bucket.credentials': 'オブジェクトストアがアクセスキーを拒否しました（{code}）。',
  'checks.bucket.credentials.remedy': 'アクセスキーとシークレットキーを確認してください。',
  'checks.bucket.denied': 'この認証情報ではバケット {bucket} にアクセスできません（{code}）。',
  'checks.bucket.denied.remedy': 'キーにバケット {bucket} の読み書き権限を付与してください。',
  'checks.bucket.missing': 'バケット {bucket} は {endpoint} にありません。',
  'checks.bucket.missing.remedy': 'バケット {bucket} を作成するか、名前を修正してください。',
  'checks.bucket.other': 'オブジェクトストアから想定外の応答がありました: {code}。',

  'checks.renderedImages.title': 'レンダリングされたイメージ（エアギャップ）',
  'checks.renderedImages.pass':
    '両方のチャートが {count} 個のイメージをレンダリングし、すべて {registry} 上にあり存在します。インターネットからは何も pull されません。',
  'checks.renderedImages.noHelm': 'スキップ: チャートのレンダリングには Helm が必要です。',
  'checks.renderedImages.renderFailed': 'helm template に失敗しました: {reason}',
  'checks.renderedImages.foreign':
    'レンダリングされた {total} 個中 {count} 個のイメージが内部レジストリ以外から pull されます: {images}',
  'checks.renderedImages.foreign.remedy':
    'これらのイメージキーを内部レジストリに設定してください（「レジストリ」ステップで書き込まれます）: {keys}。',
  'checks.renderedImages.unknownImage.remedy':
    'これらのイメージはこのチャートバージョンのウィザードのイメージカタログにありません: {images}。チャートで該当する values キーを探し、内部レジストリに設定してください。',
  'checks.renderedImages.missing':
    'レンダリングされた {total} 個中 {count} 個のイメージが内部レジストリにありません: {images}',
  'checks.renderedImages.missing.remedy':
    '不足しているイメージ（images.txt）をミラーしてから、もう一度チェックしてください。',

  'checks.host.title': 'W&B のホスト名',
  'checks.host.pass': '{host} は {addresses} に解決されます。',
  'checks.host.invalid': '{host} は URL ではありません。',
  'checks.host.unresolved':
    '{host} はこのマシンから名前解決できません（{code}）。クラスタの DNS とは異なる場合があります。',
  'checks.host.unresolved.remedy':
    'ユーザーが接続する前に、サイトの DNS で {host} が Ingress に解決されるようにしてください。',
  'checks.host.notHttps': '{host} は https の URL ではありません。',
  'checks.host.notHttps.remedy': 'https:// とホストの証明書を使ってください（「ネットワーク」ステップ）。',

  'checks.report.title': 'W&B エアギャップインストール: 前提条件チェック',
  'checks.report.run': '実行 ID',
  'checks.report.started': '開始',
  'checks.report.finished': '終了',
  'checks.report.cleared': '適用可能',
  'checks.report.yes': 'はい',
  'checks.report.no': 'いいえ',
  'checks.report.check': 'チェック',
  'checks.report.status': '状態',
  'checks.report.duration': '所要時間',
  'checks.report.message': '結果',
  'checks.report.bypassed': '迂回した日時',

  'checks.ui.start': 'すべてのチェックを実行',
  'checks.ui.startAgain': 'すべてのチェックを再実行',
  'checks.ui.writeTest': 'バケットにテストオブジェクトを書き込んで削除する',
  'checks.ui.noRun': 'まだチェックを実行していません。',
  'checks.ui.progress': '{total} 件中 {done} 件のチェックが終了しました。',
  'checks.ui.rerun': '再実行',
  'checks.ui.rerunLabel': 'チェック「{title}」を再実行',
  'checks.ui.evidence': '根拠',
  'checks.ui.duration': '{seconds} 秒',
  'checks.ui.timeline': 'タイムライン',
  'checks.ui.timelineBar': '{title}: {status}、{start} 秒から {end} 秒まで',
  'checks.ui.timelineRunning': '{title}: {start} 秒から実行中',
  'checks.ui.exportJson': 'JSON をエクスポート',
  'checks.ui.exportMarkdown': 'Markdown レポートをエクスポート',
  'checks.ui.cleared': '必須チェックはすべて合格または迂回済みです。適用に進めます。',
  'checks.ui.blocked': '{count} 件の必須チェックが、合格するか迂回されるまで適用を止めています。',
  'checks.ui.bypass.heading': 'この必須チェックを迂回する',
  'checks.ui.bypass.confirm': 'インストールが失敗する可能性を理解し、このチェックを迂回する責任を負います。',
  'checks.ui.bypass.reason': '理由（レポートに記録されます）',
  'checks.ui.bypass.submit': '迂回を記録',
  'checks.ui.bypassed': '{at} に迂回: {reason}',
  'checks.ui.noDraft': 'まだ設定がありません。先に各ステップを入力してください。',
  'checks.ui.invalidDraft':
    '設定がまだ有効ではありません: {count} 個の項目を修正してから、チェックを実行してください。',
  'checks.ui.unknownRun':
    'この実行はもう記録にありません（サーバーが再起動しました）。もう一度チェックを実行してください。',
  'checks.ui.refused.unknownRun': 'この実行はもう記録にありません。',
  'checks.ui.refused.unknownCheck': 'そのようなチェックはありません。',
  'checks.ui.refused.notStrict': '迂回が必要なのは必須チェックだけです。',
  'checks.ui.refused.notFinished': 'チェックがまだ終わっていません。',
  'checks.ui.refused.passed': 'チェックは合格しています。迂回するものはありません。',
  'checks.ui.refused.noConfirmation': '先に確認欄にチェックを入れてください。',
  'checks.ui.refused.noReason': '理由を入力してください。',
};
