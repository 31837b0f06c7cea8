import type { mirrorEn } from './mirror.en';

/** ミラーステップのメッセージ（日本語）。 */
export const mirrorJa: Record<keyof typeof mirrorEn, string> = {
  'mirrorStep.ui.optional':
    'このステップは省略できます。イメージがすでに内部コンテナレジストリにある場合（wsm、skopeo、docker で送信済み）は、「このステップを省略」を押すか、そのまま先に進んでください。すべてのイメージがあることは前提条件のチェックで確認します。',
  'mirrorStep.ui.skip': 'このステップを省略（イメージはミラー済み）',
  'mirrorStep.ui.registry':
    'イメージは {registry} に送信します。アドレス、CA 証明書、ログイン情報は「レジストリとイメージ」ステップの設定を使います。',
  'mirrorStep.ui.noRegistry':
    '先に「レジストリとイメージ」ステップでレジストリのアドレスを入力してください。イメージはそこに送信します。',
  'mirrorStep.ui.plan': '計画',
  'mirrorStep.ui.start': 'ミラー',
  'mirrorStep.ui.startAgain': 'もう一度ミラー',
  'mirrorStep.ui.cancel': 'ミラーを中止',
  'mirrorStep.ui.noPlan': '「計画」を押すと、フォルダーの内容とレジストリにすでにあるものを一覧表示します。',
  'mirrorStep.ui.planning': 'アーカイブを読み、レジストリに問い合わせています…',
  'mirrorStep.ui.plan.caption': '{source}: {kind}',
  'mirrorStep.ui.kind.wsm-bundle': 'wsm download バンドル',
  'mirrorStep.ui.kind.folder': 'イメージのアーカイブを置いたフォルダー',
  'mirrorStep.ui.kind.registry': 'コピー元のレジストリ（レジストリからレジストリへコピー）',
  'mirrorStep.ui.publicRegistries': '各イメージの公開レジストリ',
  'mirrorStep.ui.noPlan.registry':
    '「計画」を押すと、設定のイメージのうちコピー元のレジストリにあるものと、レジストリにすでにあるものを一覧表示します。',
  'mirrorStep.ui.notInSource.registry': '設定に必要で、コピー元のレジストリにないイメージ',
  'mirrorStep.ui.problems.registry': 'コピー元のレジストリから取得できないイメージ',
  'mirrorStep.ui.registryNoCharts':
    'レジストリのソースにはチャートがありません。operator と operator-wandb は、バンドルから（ここでフォルダーを選択）または手動で、チャートのステップがインストール元とする場所に公開してください。',
  'mirrorStep.ui.plan.summary':
    '送信するイメージ: {total} 件中 {toPush} 件（{bytes}）。{registry} に登録済み: {present} 件。',
  'mirrorStep.ui.col.image': 'イメージ',
  'mirrorStep.ui.col.target': 'レジストリ内の名前',
  'mirrorStep.ui.col.size': 'サイズ',
  'mirrorStep.ui.col.platforms': 'プラットフォーム',
  'mirrorStep.ui.col.status': '状態',
  'mirrorStep.ui.col.progress': '進行状況',
  'mirrorStep.ui.col.result': '結果',
  'mirrorStep.status.missing': '未登録: 送信します',
  'mirrorStep.status.present': '登録済み: 送信不要',
  'mirrorStep.status.outdated': 'このタグには別のイメージが登録されています: 送信します',
  'mirrorStep.status.tag-differs':
    'タグが異なります: 設定では {tag} を使います。このイメージは自身のタグで送信します',
  'mirrorStep.status.extra': '設定にないイメージ: これも送信します',
  'mirrorStep.status.error': 'レジストリから応答がありません: {detail}',
  'mirrorStep.status.no-platform':
    '選択したプラットフォームがありません（このイメージ: {platforms}）: 送信せず、実行結果では失敗になります',
  'mirrorStep.ui.notInSource': '設定に必要で、フォルダーにないイメージ',
  'mirrorStep.ui.notInSource.present': 'レジストリに登録済み',
  'mirrorStep.ui.notInSource.missing': 'レジストリにもありません: 別の方法で用意してください',
  'mirrorStep.ui.charts': 'チャート',
  'mirrorStep.ui.chart': '{name} {version}（{file}）',
  'mirrorStep.ui.chart.problem': '{file} を読み込めません: {detail}',
  'mirrorStep.ui.problems': '読み込めないアーカイブ',
  'mirrorStep.ui.state.planning': 'ソースを読み、レジストリに問い合わせています…',
  'mirrorStep.ui.state.pushing': '送信中…',
  'mirrorStep.ui.state.succeeded': '完了しました。',
  'mirrorStep.ui.state.failed': '失敗したイメージがあります。',
  'mirrorStep.ui.state.cancelled':
    '中止しました。送信を終えたデータはレジストリに残り、次の実行はその続きから始まります。不完全なイメージにはタグを付けていません。',
  'mirrorStep.ui.charts.progress': 'チャート',
  'mirrorStep.ui.charts.pushing': 'チャート: {total} 件中 {done} 件完了、処理中: {chart}…',
  'mirrorStep.ui.charts.done': 'チャート: {total} 件中 {done} 件完了。',
  'mirrorStep.ui.total': '合計: {totalBytes} 中 {bytes} · {rate}/s · {eta}',
  'mirrorStep.ui.image': '{totalBytes} 中 {bytes} · {rate}/s · {eta}',
  'mirrorStep.ui.eta': '残り約 {seconds} 秒',
  'mirrorStep.ui.eta.unknown': '残り時間は不明',
  'mirrorStep.image.waiting': '待機中',
  'mirrorStep.image.running': '送信中',
  'mirrorStep.image.done': '完了',
  'mirrorStep.image.failed': '失敗',
  'mirrorStep.ui.report': '結果',
  'mirrorStep.ui.report.summary':
    '送信 {pushed} 件、登録済み {skipped} 件、失敗 {failed} 件。{seconds} 秒で {bytes} を送信しました。',
  'mirrorStep.ui.report.nothing':
    '送信したものはありません。{skipped} 件のイメージはすべてレジストリに登録済みです。',
  'mirrorStep.result.pushed': '送信',
  'mirrorStep.result.skipped': '登録済み',
  'mirrorStep.result.failed': '失敗',
  'mirrorStep.ui.sourceInvalid': 'ソース: 入力欄の説明に従って修正してください。',
  'mirrorStep.ui.registryInvalid':
    '先に「レジストリとイメージ」ステップの {count} 件の項目を修正してください。送信先のアドレス、CA 証明書、ログイン情報はそこから取得します。',
  'mirrorStep.ui.alreadyRunning':
    'このドラフトのミラーはすでに実行中です。下で進行状況を確認するか、中止してください。',
  'mirrorStep.ui.unknownRun':
    'このミラーの実行はウィザードに記録されていません（ウィザードが再起動されました）。新しく実行してください。',
  'mirrorStep.source.empty':
    'ソースフォルダー: wsm バンドルまたはイメージのアーカイブを置いたフォルダーを入力するか、このステップを省略してください。',
  'mirrorStep.source.missing':
    'ソースフォルダー: {path} はウィザードを実行しているマシン上にありません。バンドルをコピーしたフォルダーを入力してください（例: /media/usb/bundle）。',
  'mirrorStep.source.notFolder':
    'ソースフォルダー: {path} はフォルダーではなくファイルです。それを含むフォルダーを入力してください。',
  'mirrorStep.source.unreadable':
    'ソースフォルダー: ウィザードは {path} を読み取れません。ウィザードを実行しているユーザーに読み取り権限を与えてください。',
  'mirrorStep.source.nothing':
    'ソースフォルダー: {path} にイメージがありません。wsm バンドル（images/<image>/image.tgz）も .tar、.tar.gz のアーカイブもありません。バンドルのフォルダーを入力してください。',
  'mirrorStep.failure.cancelled':
    'イメージの送信が終わる前に中止しました。このイメージにタグは付いていません。',
  'mirrorStep.failure.digest':
    '{what}: アーカイブ内のデータがダイジェスト {expected} と一致しません（実際は {actual}）。アーカイブが破損しています。コピーし直してください。',
  'mirrorStep.failure.archive': 'アーカイブを読み込めません: {detail}',
  'mirrorStep.failure.platforms':
    'このイメージのプラットフォーム（{available}）は、選択したプラットフォーム（{chosen}）に含まれません。何も送信していません。「送信するプラットフォーム」でこのイメージのプラットフォームをチェックするか、すべてのプラットフォームを選んでください。',
  'mirrorStep.ui.platforms.noPlan':
    '「計画」を押すとコピー元のイメージのプラットフォームが一覧になります。ノードが使うものをチェックしてください。',
  'mirrorStep.ui.platforms.noneChecked':
    'チェックしたプラットフォームがないため、すべてのプラットフォームを送信します。',
  'mirrorStep.ui.platforms.replan': 'この選択で送信する内容を見るには、もう一度「計画」を押してください。',
  'mirrorStep.ui.plan.platforms.all': '各イメージのすべてのプラットフォームを送信します。',
  'mirrorStep.ui.plan.platforms.some':
    'イメージインデックスからは {platforms} のみを送信し、それだけを載せた新しいインデックスを書き込みます。',
  'mirrorStep.ui.platforms.dropped': '{pushed}（除外: {dropped}）',
  'mirrorStep.ui.platforms.other':
    '{platforms}: 選択したプラットフォームではありません。このタグの唯一のイメージなので送信しますが、選択したプラットフォームのノードでは実行できません。',
  'mirrorStep.ui.col.chart': 'チャート',
  'mirrorStep.ui.col.destination': '送信先',
  'mirrorStep.chartStatus.missing': '未登録: 送信します',
  'mirrorStep.chartStatus.present': '同じダイジェストで登録済み: 送信不要',
  'mirrorStep.chartStatus.outdated': 'このバージョンに別のパッケージがあります',
  'mirrorStep.chartStatus.manual': 'ウィザードは送信しません',
  'mirrorStep.chartStatus.extra': '構成のチャートではありません',
  'mirrorStep.chartStatus.error': 'リポジトリが応答しません',
  'mirrorStep.chartStatus.unreadable': '読み込めません',
  'mirrorStep.chart.api': 'ChartMuseum API（{api}）でアップロードします',
  'mirrorStep.chart.tryApi':
    'リポジトリに ChartMuseum API（{api}）があればアップロードします。なければ下のコマンドで公開してください',
  'mirrorStep.chart.outdated.oci': '再送信し、バージョンのタグをフォルダーのパッケージに向けます',
  'mirrorStep.chart.outdated.repo':
    'リポジトリが上書きを許可していない限り {api} へのアップロードは拒否されます。先にリポジトリでそのバージョンを削除するか、そのまま使ってください',
  'mirrorStep.chart.local':
    '構成はファイル {path} からインストールします。そこへコピーしてください（コマンドは下記）',
  'mirrorStep.chart.unconfigured':
    '「チャート」ステップに {chart} の有効なリポジトリがまだありません。設定してから再度ミラーしてください',
  'mirrorStep.chart.extra': '構成は {chart} をインストールしません: 送信しません',
  'mirrorStep.chart.conflict':
    '{what}: リポジトリにこのバージョンの別のパッケージがあり、置き換えを拒否しました（{detail}）。リポジトリでそのバージョンを削除するか上書きを許可して（ChartMuseum の --allow-overwrite）、再度ミラーしてください。',
  'mirrorStep.chart.noApi':
    '{url} はアップロードを受け付けません（{api} に ChartMuseum API がありません）。下のコマンドでチャートを公開してください',
  'mirrorStep.chartResult.pushed': '送信済み',
  'mirrorStep.chartResult.present': '同じダイジェストで登録済み: 再送信しません',
  'mirrorStep.chartResult.failed': '失敗',
  'mirrorStep.chartResult.manual': '手作業で公開してください',
  'mirrorStep.ui.report.charts':
    'チャート: 送信 {pushed} 件、登録済み {present} 件、失敗 {failed} 件、手作業で公開 {manual} 件。',
  'mirrorStep.publish.index':
    '通常の Web サーバー（{where}）で公開するには: リポジトリの現在の index.yaml とパッケージをフォルダー {dir} に集め、helm repo index でマージしてから、{dir} のすべてのファイル（.tgz パッケージと index.yaml）を {where} を配信する Web サーバーのフォルダーにコピーします。curl はパスワードを尋ねます。CA.pem は「チャート」ステップの CA 証明書です。',
  'mirrorStep.publish.upload':
    '{where} が ChartMuseum または Harbor のチャートリポジトリであれば、各パッケージを API でアップロードすることもできます:',
  'mirrorStep.publish.copy':
    '構成は、コマンドを実行するマシン上の {where} からチャートをインストールします。そこへコピーしてください。',
  'mirrorStep.ui.commands': 'チャートを公開するコマンド（{where}）',
};
