import type { checksEn } from './checks.en';

import { JA_TERMS as T } from '../glossary';

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

  'checks.kube.noKubeconfig': 'kubeconfig が見つからないため（{where}）、クラスターは確認していません。',
  'checks.kube.noKubeconfig.remedy':
    '「プラットフォーム」ステップの「クラスターへの接続」で、このマシン上の kubeconfig ファイルを指定するか kubeconfig をアップロードしてください。現在のコンテキストでない場合は、そこでコンテキストも選んでください。',

  'checks.kubeApi.title': 'Kubernetes API',
  'checks.kubeApi.pass':
    'API サーバー {server} が検証済みの TLS で応答しました。Kubernetes {version} はサポート対象です。',
  'checks.kubeApi.newer':
    'API サーバー {server} は Kubernetes {version} で、テスト済みの最新バージョン（{newest}）より新しいです。動作する見込みですが、インストールを注意して見守ってください。',
  'checks.kubeApi.tooOld':
    'API サーバー {server} は Kubernetes {version} です。W&B オペレーターには {minimum} 以降が必要です。',
  'checks.kubeApi.tooOld.remedy': 'クラスターを Kubernetes {minimum} 以降にアップグレードしてください。',
  'checks.kubeApi.insecure':
    'API サーバー {server} は応答しましたが（Kubernetes {version}）、kubeconfig が TLS 検証を省略しています（insecure-skip-tls-verify）。',
  'checks.kubeApi.insecure.remedy':
    'クラスターの CA を kubeconfig（certificate-authority-data）に入れ、insecure-skip-tls-verify を削除してください。',
  'checks.kubeApi.unreachable.remedy':
    'このマシンから {server} に到達できること、および kubeconfig にその証明書を発行した CA が含まれていることを確認してください。',

  'checks.kubeAccess.title': 'クラスター上の権限',
  'checks.kubeAccess.pass': 'ユーザー {user} は、インストールが行う {count} 件の操作をすべて実行できます。',
  'checks.kubeAccess.missing':
    'ユーザー {user} には、ウィザードに必要な {total} 件の権限のうち {count} 件がありません。インストール: {apply}。Helm のアップグレード・ロールバック・アンインストール: {recovery}。起動状況の確認: {follow}。',
  'checks.kubeAccess.missing.remedy':
    'クラスター管理者としてインストールするか、管理者に {user} へこれらの権限を付与してもらってください（オペレーターチャートはクラスター全体の CRD、ClusterRole とそのバインディングを作成します。Helm はリリースを Secret として保存し、アップグレード・ロールバック・アンインストールでオブジェクトを削除します）。',
  'checks.kubeAccess.followOnly':
    'ユーザー {user} はインストールできますが、起動状況の確認で読むものを読めません: {follow}。',
  'checks.kubeAccess.followOnly.remedy':
    'インストールは動作しますが、ウィザードは Pod、イベント、ワークロードを表示できません。{user} にそれらの get/list を付与してください（対象の名前空間での組み込みの view ロールで足ります）。',

  'checks.helm.title': 'Helm',
  'checks.helm.pass': 'Helm {version} が {path} に見つかりました（{source} から）。',
  'checks.helm.notFound':
    'Helm が見つかりません: HELM が設定されておらず、PATH の {count} 件のディレクトリのどれにも実行できる helm がありません（{searched}）。',
  'checks.helm.notFoundAt': 'HELM 変数が指す {path} に Helm がありません。',
  'checks.helm.notFound.remedy':
    'このマシンに Helm 3 または 4 をインストールして PATH に置くか、HELM にフルパスを設定してください。',
  'checks.helm.unusable': '{path} の Helm を実行できませんでした: {reason}',
  'checks.helm.tooOld': '{path} の Helm {version} は古すぎます。Helm 3 以降が必要です。',

  'checks.registryImages.title': 'レジストリ内のイメージ',
  'checks.registryImages.pass': '{count} 件のイメージがすべて {registry} にあります。',
  'checks.registryImages.noImages':
    '確認するイメージがありません: operator-wandb {version} はサポート対象のチャート系列ではありません。',
  'checks.registryImages.mixed': '{total} 件中 {count} 件のイメージが使えません: {images}',
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
  'checks.charts.repo.unresolved':
    'チャートリポジトリのホスト {host} をこのマシンから名前解決できません（{code}）。{chart} を確認できませんでした。',
  'checks.charts.repo.unresolved.remedy':
    '「チャート」ステップのリポジトリ URL {url} と、このマシンの DNS（または /etc/hosts）が {host} を知っていることを確認してください。',
  'checks.charts.repo.unreachable': 'チャートリポジトリ {url} に接続できません（{code}）。',
  'checks.charts.repo.unreachable.remedy':
    '「チャート」ステップのリポジトリ URL、{host} のリポジトリサーバーが動いていること、ファイアウォールがこのマシンを遮断していないことを確認してください。',
  'checks.charts.repo.tls': 'チャートリポジトリ {host} の TLS 検証に失敗しました（{code}）。',
  'checks.charts.repo.tls.remedy':
    '{host} の証明書を発行した CA バンドルを「チャート」ステップのこのリポジトリに貼り付けてください。',
  'checks.charts.repo.unauthorized': 'チャートリポジトリ {url} が認証情報を拒否しました（HTTP {status}）。',
  'checks.charts.repo.unauthorized.remedy':
    '「チャート」ステップのリポジトリのユーザーとパスワード、そのユーザーが {chart} を読めることを確認してください。',
  'checks.charts.repo.notRepository':
    '{url} は Helm チャートリポジトリではありません: index.yaml がありません（HTTP {status}）。',
  'checks.charts.repo.notRepository.remedy':
    '「チャート」ステップにはリポジトリそのもの（index.yaml のあるフォルダー）の URL を指定してください。チャートがレジストリにある場合は OCI を選んでください。',
  'checks.charts.repo.timeout': 'チャートリポジトリ {url} が {seconds} 秒以内に応答しませんでした。',
  'checks.charts.repo.timeout.remedy':
    '{host} がリポジトリサーバーであることと、過負荷でないことを確認してください。パケットを捨てるファイアウォールでも同じ症状になります。',
  'checks.charts.repo.protocol': 'チャートリポジトリ {url} が想定外の応答を返しました（{status} {detail}）。',
  'checks.charts.repo.protocol.remedy':
    '{url} が Helm チャートリポジトリ（index.yaml）か、OCI の場合はチャートを保持するレジストリであることを確認してください。',
  'checks.charts.remedy':
    '選択した {chart} のバージョンをリポジトリに push するか、「チャート」ステップでリポジトリにあるバージョンを選んでください。',

  'checks.clusterFit.title': 'クラスターとの適合',
  'checks.clusterFit.pass': 'クラスターは設定に適合しています（{count} 項目を確認）。',
  'checks.clusterFit.ingressFound': 'IngressClass {name} があります。',
  'checks.clusterFit.ingressMissing': 'IngressClass {name} がありません。クラスターにあるもの: {existing}。',
  'checks.clusterFit.ingressMissing.remedy':
    '「ネットワーク」ステップで既存の IngressClass を選ぶか、先に Ingress コントローラーをインストールしてください。',
  'checks.clusterFit.storageDefault':
    'デフォルトの StorageClass {name} が、プラットフォームが要求する {count} 件のボリュームを提供します: {claims}。',
  'checks.clusterFit.noDefaultStorage':
    'クラスターにデフォルトの StorageClass がないため、プラットフォームが既定で要求する {count} 件のボリュームは Pending のままになり、そのワークロードは起動しません: {claims}。既存のクラス: {existing}。',
  'checks.clusterFit.noDefaultStorage.remedy':
    'いずれかのクラスをデフォルトにするか（kubectl patch storageclass {example} -p \'{"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"}}}\'）、先にストレージのプロビジョナーをインストールしてください。',
  'checks.clusterFit.severalDefaultStorage':
    '複数の StorageClass がデフォルトになっています（{names}）。Kubernetes はプラットフォームの {count} 件の要求に最も新しいものを使います: {claims}。',
  'checks.clusterFit.severalDefaultStorage.remedy':
    'ボリュームの行き先が明確になるよう、デフォルトの注釈は 1 つのクラスだけに付けてください。',
  'checks.clusterFit.storageNamed':
    'StorageClass {name}（プロビジョナー {provisioner}）が、プラットフォームが要求する {count} 件のボリュームを提供します: {claims}。',
  'checks.clusterFit.storageNamedMissing':
    '「プラットフォーム」ステップで指定した StorageClass {name} がクラスターにないため、プラットフォームが要求する {count} 件のボリュームは Pending のままになります: {claims}。クラスターにあるもの: {existing}。',
  'checks.clusterFit.storageNamedMissing.remedy':
    '「プラットフォーム」ステップの StorageClass 欄でクラスターにあるクラスを選ぶか、空欄にしてデフォルトのクラスを使ってください。または先に StorageClass {name} を作成してください。',
  'checks.clusterFit.namespaceExists': 'Namespace {namespace} があります。',
  'checks.clusterFit.namespaceCreatable': 'Namespace {namespace} はまだありませんが、作成できます。',
  'checks.clusterFit.namespaceBlocked': 'Namespace {namespace} がなく、作成する権限もありません。',
  'checks.clusterFit.namespaceBlocked.remedy':
    '管理者に Namespace {namespace} を作成してもらうか、既存の Namespace を選んでください。',
  'checks.clusterFit.fresh': '既存の W&B インストールは見つかりませんでした。',
  'checks.clusterFit.operatorElsewhere':
    'オペレーターはすでに {namespace} にリリース「{release}」としてインストールされています。その ClusterRole {role} はどの Namespace でも同じ名前のため、helm は {target} に別のオペレーターをインストールできません。',
  'checks.clusterFit.operatorElsewhere.remedy':
    '「プラットフォーム」ステップの「オペレーターの Namespace」を {namespace} にしてください（適用するとそのリリースをアップグレードします）。そのリリースを使っていない場合は、先にアンインストールしてください（helm uninstall {release} -n {namespace}）。',
  'checks.clusterFit.existing': '既存の W&B インストールが見つかりました: {found}。',
  'checks.clusterFit.existing.remedy':
    '適用するとその場でアップグレードされます。意図しない場合は別の名前や Namespace を選んでください。',

  'checks.mysql.title': '外部 MySQL',
  'checks.mysql.pass': '{address} の MySQL {version}: ログインとデータベース {database} は問題ありません。',
  'checks.mysql.inCluster': 'スキップ: MySQL はチャートがクラスター内にインストールします。',
  'checks.mysql.unreachable': '{address} の MySQL に接続できません（{code}）。',
  'checks.mysql.unreachable.remedy':
    'ホストとポート {address}、そこで MySQL が待ち受けていること、ファイアウォールがこのマシンを遮断していないことを確認してください。',
  'checks.mysql.loginDenied':
    '{address} の MySQL が {user} のログインを拒否しました: ユーザーかパスワードが違うか、このホストからの接続が許可されていません。',
  'checks.mysql.loginDenied.remedy':
    "ユーザーとパスワード、およびユーザーの接続元ホスト（'{user}'@'%'）を確認してください。",
  'checks.mysql.loginFailed': '{address} の MySQL に {user} としてログインできませんでした（{code}）。',
  'checks.mysql.noAnswer':
    '{address} は接続を受け付けましたが、{seconds} 秒以内に MySQL の応答（greeting）がありません。そこでは MySQL サーバーが応答していません。',
  'checks.mysql.closedSilently':
    '{address} は接続を受け付けましたが、MySQL の応答なしに接続を閉じました。そこでは MySQL サーバーが応答していません。',
  'checks.mysql.noAnswer.remedy':
    '{address} が MySQL のポートそのものであること（別のサービスや、後ろにサーバーのないプロキシ・ロードバランサーではないこと）と、サーバーが動いていて過負荷でないこと、またクライアント名を解決する設定（skip_name_resolve がオフ）の場合はその DNS がこのマシンについて応答することを確認してください。',
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
  'checks.bucket.plainHttp':
    'バケット {bucket} は問題ありませんが、{endpoint} は暗号化されていない HTTP で提供されています。',
  'checks.bucket.plainHttp.remedy':
    'オブジェクトストアには HTTPS を使ってください。そうでないと W&B はデータと鍵を暗号化せずに送ります。',
  'checks.bucket.speaksHttp': '{endpoint} は HTTPS ではなく平文 HTTP で応答します（{code}）。',
  'checks.bucket.speaksHttp.remedy':
    'ストアに本当に TLS がない場合は「ストレージ」ステップで「エンドポイントは平文 HTTP（TLS なし）で接続する」を選んでください。そうでなければ HTTPS のポートを指定してください。',
  'checks.bucket.other.plainHttp.remedy':
    '「ストレージ」ステップで平文 HTTP が選ばれています。{endpoint} が HTTPS の場合はそのオプションを外し、そうでなければエンドポイントの host:port を確認してください。',
  'checks.bucket.cloud.unreachable':
    'このマシンから {provider}（{endpoint}）に接続できません（{code}）。バケット {bucket} についてはここから何も確認できませんでした。',
  'checks.bucket.gcs.unreachable.remedy':
    'ノードは別の経路（限定公開の Google アクセス、プロキシ）で Google に届く場合があります。クラスター内チェックを実行するか、ノードから curl -I {endpoint}/{bucket} を実行してください（404: バケットなし、401/403: 存在する）。',
  'checks.bucket.gcs.missing': 'GCS バケット {bucket} は存在しません（Google が 404 を返しました）。',
  'checks.bucket.gcs.missing.remedy':
    'バケット {bucket} を作成するか、「ストレージ」ステップで名前を修正してください。',
  'checks.bucket.gcs.exists':
    'GCS バケット {bucket} は存在し、匿名アクセスを正しく拒否しています。アクセス権はノード（サービスアカウントまたは Workload Identity）から得るため、ここからは確認できません。',
  'checks.bucket.gcs.public': 'GCS バケット {bucket} はインターネット上の誰でも読み取れます。',
  'checks.bucket.gcs.public.remedy':
    'バケットの権限から allUsers と allAuthenticatedUsers を削除してください。W&B に必要なのはノードの ID だけです。',
  'checks.bucket.azure.pass':
    'ストレージアカウント {account} のコンテナー {container} は存在し、アカウントキーは有効です。',
  'checks.bucket.azure.passWrite':
    '{account} のコンテナー {container} は存在し、アカウントキーでテスト用の BLOB を書き込んで削除しました。',
  'checks.bucket.azure.noKey':
    'ストレージアカウント {account} は {endpoint} で応答しますが、アカウントキーがないためコンテナー {container} とそのアクセス権は確認できません（Azure は非公開コンテナーの有無を隠します）。',
  'checks.bucket.azure.noKey.remedy':
    'コンテナーを確認するには「ストレージ」ステップでアカウントキーを入力するか、Pod と同じ ID でノードから確認してください。',
  'checks.bucket.azure.unresolved':
    'ストレージアカウントのホスト {endpoint} をこのマシンから名前解決できません（{code}）。アカウント {account} が存在しないか、このマシンが Azure の名前を解決できません。',
  'checks.bucket.azure.unreachable.remedy':
    '「ストレージ」ステップのストレージアカウント名 {account} を確認してください。このマシンから Azure に経路がない場合は、クラスター内チェックを実行するかノードから確認してください。',
  'checks.bucket.azure.missing': 'ストレージアカウント {account} にコンテナー {container} はありません。',
  'checks.bucket.azure.missing.remedy':
    'コンテナー {container} を作成するか、「ストレージ」ステップで名前を修正してください。',
  'checks.bucket.azure.credentials': 'Azure が {account} のアカウントキーを拒否しました（{code}）。',
  'checks.bucket.azure.credentials.remedy':
    'ストレージアカウント {account} の現在のキー（Azure ポータルの「アクセスキー」）を「ストレージ」ステップに入力してください。',
  'checks.bucket.azure.denied':
    'ストレージアカウント {account} が {container} へのアクセスを拒否しました（{code}）。',
  'checks.bucket.azure.denied.remedy':
    '{account} のアカウントキーを確認し、ストレージアカウントのファイアウォールでこのネットワークを許可し、キーで {container} の読み書きができることを確認してください。',
  'checks.bucket.azure.other': '{account} の {container} について Azure が想定外の応答を返しました: {code}。',
  'checks.bucket.azure.writeFailed':
    '{container} へのテスト用 BLOB の書き込みまたは削除に失敗しました: {code}。',
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
    '両方のチャートが {count} 件のイメージをレンダリングし、すべて {registry} 上にあり存在します。インターネットからは何も pull されません。',
  'checks.renderedImages.passWithTests':
    '両方のチャートが {count} 件のイメージをレンダリングし、すべて {registry} 上にあり存在します。インターネットからは何も pull されません。インストールでは起動されないため数えていないもの（helm.sh/hook: test）: {tests}。',
  'checks.renderedImages.unreadable':
    'レンダリングされた {count} 件のドキュメントを読めなかったため、それらのイメージは未確認です: {documents}',
  'checks.renderedImages.unreadable.remedy':
    '同じ values でチャートをレンダリング（helm template）し、挙げられたドキュメントを確認してください。出力が正しい YAML でない場合は、チャートのバージョンを報告してください。',
  'checks.renderedImages.noHelm': 'スキップ: チャートのレンダリングには Helm が必要です。',
  'checks.renderedImages.renderFailed': 'helm template に失敗しました: {reason}',
  'checks.renderedImages.foreign':
    'レンダリングされた {total} 件中 {count} 件のイメージが内部レジストリ以外から pull されます: {images}',
  'checks.renderedImages.foreign.remedy':
    'これらのイメージキーを内部レジストリに設定してください（「レジストリ」ステップで書き込まれます）: {keys}。',
  'checks.renderedImages.unknownImage.remedy':
    'これらのイメージはこのチャートバージョンのウィザードのイメージカタログにありません: {images}。チャートで該当する values キーを探し、内部レジストリに設定してください。',
  'checks.renderedImages.missing':
    'レンダリングされた {total} 件中 {count} 件のイメージが内部レジストリにありません: {images}',
  'checks.renderedImages.missing.remedy':
    '不足しているイメージ（images.txt）をミラーしてから、もう一度チェックしてください。',

  'checks.host.title': 'W&B のホスト名',
  'checks.host.pass': '{host} は {addresses} に解決されます。',
  'checks.host.invalid': '{host} は URL ではありません。',
  'checks.host.unresolved':
    '{host} はこのマシンから名前解決できません（{code}）。クラスターの DNS とは異なる場合があります。',
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
  'checks.report.bypassed': `${T.bypassed}の日時`,

  'checks.ui.start': 'すべてのチェックを実行',
  'checks.ui.startAgain': 'すべてのチェックを再実行',
  'checks.ui.writeTest': 'バケットにテストオブジェクトを書き込んで削除する',
  'checks.ui.noRun': 'まだチェックを実行していません。',
  'checks.ui.progress': '{total} 件中 {done} 件のチェックが終了しました。',
  'checks.ui.rerun': '再実行',
  'checks.ui.rerunLabel': 'チェック「{title}」を再実行',
  'checks.ui.evidence': T.evidence,
  'checks.ui.duration': '{seconds} 秒',
  'checks.ui.timeline': 'タイムライン',
  'checks.ui.timelineBar': '{title}: {status}、{start} 秒から {end} 秒まで',
  'checks.ui.timelineRunning': '{title}: {start} 秒から実行中',
  'checks.ui.exportJson': 'JSON をエクスポート',
  'checks.ui.exportMarkdown': 'Markdown レポートをエクスポート',
  'checks.ui.cleared': `必須チェックはすべて合格したか、「${T.bypassed}」が記録されています。適用に進めます。`,
  'checks.ui.blocked': `{count} 件の必須チェックが、合格するか「${T.bypassed}」が記録されるまで適用を止めています。`,
  'checks.ui.bypass.heading': T.bypass,
  'checks.ui.bypass.confirm':
    'インストールが失敗する可能性を理解したうえで、このチェックを無視して続行する責任を負います。',
  'checks.ui.bypass.reason': '理由（レポートに記録されます）',
  'checks.ui.bypass.submit': T.bypass,
  'checks.ui.bypassed': `{at} に${T.bypassed}: {reason}`,
  'checks.ui.noDraft': 'まだ設定がありません。先に各ステップを入力してください。',
  'checks.ui.invalidDraft': '設定がまだ有効ではありません。チェックを実行する前に修正する項目（{count} 件）:',
  'checks.ui.unknownRun':
    'この実行はもう記録にありません（サーバーが再起動しました）。もう一度チェックを実行してください。',
  'checks.ui.refused.unknownRun': 'この実行はもう記録にありません。',
  'checks.ui.refused.unknownCheck': 'そのようなチェックはありません。',
  'checks.ui.refused.notStrict': `「${T.bypass}」が必要なのは必須チェックだけです。`,
  'checks.ui.refused.notFinished': 'チェックがまだ終わっていません。',
  'checks.ui.refused.passed': 'チェックは合格しています。無視して続行する必要はありません。',
  'checks.ui.refused.noConfirmation': '先に確認欄にチェックを入れてください。',
  'checks.ui.refused.noReason': '理由を入力してください。',
  'checks.inCluster.title': 'クラスター内からの確認（任意）',
  'checks.inCluster.optIn':
    '未実行: ノードごとの短時間の Pod、小さなボリューム要求、プルシークレットのコピーを作成します（すべて後で削除）。実行するには「クラスター内から確認する」を選んでください。',
  'checks.inCluster.noImage': 'このチャートラインには確認に使う Redis イメージがありません。',
  'checks.inCluster.noNamespace':
    '未実行: 名前空間 {namespaces} がまだどれも存在せず、確認用に作成はしません。最初の適用の後にもう一度実行するか、名前空間を作成してください。',
  'checks.inCluster.noNodes':
    '{count} 件のノードのどれも通常の Pod を受け付けません（すべて cordon、taint、または Ready でない）。',
  'checks.inCluster.pass':
    '全 {count} ノードでプルシークレットを使ってイメージ {image} を取得でき、Pod から {hosts} を名前解決して接続できました。デフォルトの StorageClass でボリュームもバインドされました。',
  'checks.inCluster.passOnClass':
    '全 {count} ノードでプルシークレットを使ってイメージ {image} を取得でき、Pod から {hosts} を名前解決して接続できました。StorageClass {storageClass} でボリュームもバインドされました。',
  'checks.inCluster.pullFailed': '{nodes} は {image} を取得できませんでした: {reason}',
  'checks.inCluster.pullFailed.remedy':
    '各ノードのコンテナランタイムがレジストリに到達でき、その CA を信頼している（例: /etc/containerd/certs.d/<registry>/ca.crt、またはシステムの信頼ストア）こと、イメージがミラーされていることが必要です。プルシークレットは生成したものを使いました。',
  'checks.inCluster.unresolved': 'Pod がクラスター DNS で {unresolved} を名前解決できません。',
  'checks.inCluster.unresolved.remedy':
    'これらの名前を CoreDNS の転送先のサイト DNS（または CoreDNS の hosts）に追加してください。プラットフォームの Pod も同じ方法で名前解決します。',
  'checks.inCluster.unreachable': 'Pod は名前解決できますが、{unreachable} に接続できません。',
  'checks.inCluster.unreachable.remedy':
    'Pod ネットワークからこれらのホストとポートへのファイアウォール（および NetworkPolicy）を開けてください。',
  'checks.inCluster.volumeUnbound':
    '1Mi のテスト用ボリューム要求がデフォルトの StorageClass で {phase} のままでした。プラットフォームのボリュームもバインドされません。',
  'checks.inCluster.volumeUnbound.remedy':
    'デフォルトの StorageClass に動作するプロビジョナーがあることを確認してください（{namespace} で kubectl get events）。',
  'checks.inCluster.volumeUnboundOnClass':
    '1Mi のテスト用ボリューム要求が StorageClass {storageClass} で {phase} のままでした。プラットフォームのボリュームもバインドされません。',
  'checks.inCluster.volumeUnboundOnClass.remedy':
    'StorageClass {storageClass} に動作するプロビジョナーがあることを確認するか（{namespace} で kubectl get events）、「プラットフォーム」ステップの StorageClass 欄で別のクラスを選んでください。',
  'checks.inCluster.pending':
    '{count} ノード中 {pulled} ノードが {image} を取得しました。{nodes} は時間内に結果が出ませんでした（{reason}）。',
  'checks.inCluster.pending.remedy':
    '大きなイメージや遅いレジストリではチェックの時間を超えることがあります。もう一度実行するか、実行中に Pod のイベントを確認してください。',
  'checks.inCluster.noAnswers':
    '全 {count} ノードが {image} を取得し、ボリュームもバインドされましたが、DNS と接続の結果を報告したのは {count} 件中 {answered} 件だけでした（コンテナが時間内に終了しませんでした）。',
  'checks.inCluster.apiFailed':
    '{namespace} で確認用のオブジェクトを作成または読み取れませんでした: {reason}',
  'checks.inCluster.apiFailed.remedy':
    'ID には {namespace} での pods、persistentvolumeclaims、secrets の作成・一覧・削除と、nodes の一覧の権限が必要です。',
  'checks.ui.inClusterTest':
    'クラスター内から確認する（ノードごとの Pod、小さなボリューム要求、プルシークレットのコピーを作成し、後ですべて削除します）',
  'checks.ui.inCluster.node': 'ノード',
  'checks.ui.inCluster.pull': 'イメージの取得',
  'checks.ui.inCluster.network': 'Pod からの DNS と接続',
  'checks.ui.inCluster.pull.pulled': '取得済み（コンテナが起動）',
  'checks.ui.inCluster.pull.failed': '失敗',
  'checks.ui.inCluster.pull.pending': '時間内に結果なし',
  'checks.ui.inCluster.dnsFail': '{host}: 名前解決できません。',
  'checks.ui.inCluster.tcpOk': '{host} → {address}: 接続できます。',
  'checks.ui.inCluster.tcpFail': '{host} → {address}: 接続できません。',
  'checks.ui.inCluster.noAnswer':
    '応答なし: 確認用のコンテナが終了しませんでした（kwok では実行されません）。',
};
